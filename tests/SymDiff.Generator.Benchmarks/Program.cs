using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SymDiff.Generator.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(SymDiff.Generator.Benchmarks.CompileTimeBenchmarks).Assembly).Run(args);
