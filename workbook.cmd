@echo off
rem workbook.cmd: the one entry point of the Backprop Workbook on Windows (./workbook elsewhere).
rem
rem Finds Python 3.10+ (WORKBOOK_PYTHON if set, else the py launcher, else python on PATH) and runs
rem the entry point, written in Python's standard library: src\entry\python\workbook. The
rem arguments are passed through and its exit status is this script's.
rem `workbook` with no arguments, or `workbook --help`, lists the commands.
setlocal
set "WORKBOOK_ENTRY=%~dp0src\entry\python\workbook"
if defined WORKBOOK_PYTHON goto named
where py >nul 2>nul
if errorlevel 1 goto plain
py -3 "%WORKBOOK_ENTRY%" %*
exit /b %ERRORLEVEL%

:named
"%WORKBOOK_PYTHON%" "%WORKBOOK_ENTRY%" %*
exit /b %ERRORLEVEL%

:plain
where python >nul 2>nul
if errorlevel 1 goto nopython
python "%WORKBOOK_ENTRY%" %*
exit /b %ERRORLEVEL%

:nopython
echo workbook: python not found on PATH: install Python 3.10 or newer from python.org, with "Add python.exe to PATH" ticked, or set WORKBOOK_PYTHON to one 1>&2
exit /b 1
