using BenchmarkDotNet.Running;
using SymDiff.Benchmarks;

// dotnet run -c Release --project tests/SymDiff.Benchmarks -- --filter '*'   (add --job short for a quick run)
// dotnet run -c Release --project tests/SymDiff.Benchmarks -- --check       (only the agreement checks, every parameter)
// dotnet run -c Release --project tests/SymDiff.Benchmarks -- --interleaved (GMM, Rosenbrock and LogSumExp, generated vs hand-written in alternating rounds)
if (args is ["--check"])
{
    new LectureBenchmarks().Setup();
    new NeuronBenchmarks().Setup();
    foreach (var n in new[] { 100, 10000 })
    {
        new RosenbrockBenchmarks { N = n }.Setup();
    }

    foreach (var k in new[] { 5, 25 })
    {
        new GmmBenchmarks { K = k }.Setup();
    }

    new MlpBenchmarks().Setup();
    foreach (var n in new[] { 8, 100, 10000 })
    {
        new LogSumExpBenchmarks { N = n }.Setup();
    }

    Console.WriteLine("All agreement checks pass.");
    return;
}

if (args is ["--interleaved"])
{
    Interleaved.RunAll(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LectureBenchmarks).Assembly).Run(args);
