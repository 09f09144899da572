using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SymDiff.Benchmarks -- --filter '*'   (add --job short for a quick run)
BenchmarkSwitcher.FromAssembly(typeof(SymDiff.Benchmarks.LectureBenchmarks).Assembly).Run(args);
