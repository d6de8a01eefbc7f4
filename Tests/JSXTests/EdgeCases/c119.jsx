x = { eval }
