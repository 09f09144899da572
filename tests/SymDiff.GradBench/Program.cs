using SymDiff.GradBench.Modules;
using SymDiff.GradBench.Protocol;

// A GradBench tool: `gradbench run --eval "..." --tool "dotnet run -c Release --project tests/SymDiff.GradBench"`.
// stdout carries protocol replies only; anything else goes to stderr.
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
new MessageLoop(Console.In, output, Console.Error, ModuleCatalog.Default).Run();
output.Flush();
