@echo off
rem Starts the Orderflow operator console with the Java runtime shipped beside it (see bin/ops-console).
set "HOME_DIR=%~dp0.."
if "%OPS_CONSOLE_JAVA_OPTS%"=="" set "OPS_CONSOLE_JAVA_OPTS=-Xmx512m"
"%HOME_DIR%\runtime\bin\java" %OPS_CONSOLE_JAVA_OPTS% -cp "%HOME_DIR%\lib\*" io.orderflow.console.Launcher %*
