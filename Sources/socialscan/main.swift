import SocialScanCLI

SocialScanMain.exit(arguments: Array(CommandLine.arguments.dropFirst()))
