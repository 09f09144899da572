namespace SymDiff.GradBench.Modules;

/// <summary>The modules this tool implements, and for every other GradBench eval the reason it is refused.</summary>
public sealed class ModuleCatalog
{
    private static readonly Dictionary<string, string> NotYet = new(StringComparer.Ordinal)
    {
        ["det"] = "det needs recursion (expansion by minors) or scratch arrays (LU); SymDiff refuses recursion (SD2006) and writes into local arrays (SD2004)",
        ["ode"] = "ode needs scratch arrays for the RK4 stages k1..k4 and the state y; SymDiff refuses writes into local arrays (SD2004)",
        ["lstm"] = "lstm carries the hidden and cell vectors from character to character in scratch arrays; SymDiff refuses writes into local arrays (SD2004)",
        ["ht"] = "ht needs 4x4 matrices for the bone chain in scratch arrays; SymDiff refuses writes into local arrays (SD2004)",
        ["particle"] = "particle needs a while loop with break for the Euler steps and the descent (SD2003) and a gradient inside a differentiated function (nested AD), which SymDiff does not support yet",
        ["saddle"] = "saddle needs a gradient inside a differentiated function (nested AD) through a while-loop descent (SD2003), which SymDiff does not support yet",
    };

    private readonly Dictionary<string, IEvalModule> _modules;

    public ModuleCatalog(params IEvalModule[] modules) =>
        _modules = modules.ToDictionary(module => module.Name, StringComparer.Ordinal);

    /// <summary>hello, lse, llsq, gmm, kmeans and ba.</summary>
    public static ModuleCatalog Default { get; } = new(new HelloModule(), new LseModule(), new LlsqModule(), new GmmModule(), new KMeansModule(), new BaModule());

    public bool TryGet(string name, out IEvalModule module) => _modules.TryGetValue(name, out module!);

    /// <summary>Why <paramref name="name"/> is not defined: the eval's specific reason, or that the eval is unknown.</summary>
    public static string RefusalReason(string name) =>
        NotYet.TryGetValue(name, out var reason) ? reason : $"SymDiff's GradBench tool does not know the module '{name}'";
}
