BenchMain.run(Array(CommandLine.arguments.dropFirst()))
