; Inno Setup 6 script: a Windows installer around the PyInstaller one-folder bundle.
; Not built here (this machine runs Linux). On Windows, from the repository root:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[media]" pyinstaller==6.22.3
;   .venv\Scripts\playground models fetch
;   .venv\Scripts\pyinstaller --noconfirm packaging\playground.spec
;   iscc packaging\windows\inference-playground.iss
; Result: dist\inference-playground-<version>-setup.exe. Sign both the .exe files and the setup with
; signtool (SignTool= below) or Windows warns about an unknown publisher.
#define AppName "Inference Playground"
; pyproject.toml's version
#define AppVersion "0.1.0"

[Setup]
; The AppId names the installation for upgrades and uninstall: never change it.
AppId={{814822C0-74F0-4F12-B80D-DB9E2A4FC18C}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Inference Playground authors
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; Installs for everyone or, without administrator rights, for the current user alone.
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\inference-playground.ico
UninstallDisplayIcon={app}\inference-playground.exe
OutputDir=..\..\dist
OutputBaseFilename=inference-playground-{#AppVersion}-setup
; The models are most of the 1.1 GB and hardly compress; lzma2 still gains a little over zip.
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: desktopicon; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
; The whole bundle: the window's program, the command line's program, _internal\ with the models.
Source: "..\..\dist\inference-playground\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
Source: "..\THIRD_PARTY_NOTICES.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\inference-playground.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\inference-playground.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\inference-playground.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Uninstall removes every file it installed. What the app wrote for the person (settings, the log) is
; theirs and stays, as on Linux.
