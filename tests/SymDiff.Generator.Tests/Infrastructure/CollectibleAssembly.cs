using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>
/// A compilation emitted to memory and loaded into its own collectible <see cref="AssemblyLoadContext"/>,
/// so that thousands of generated assemblies can be run and unloaded by one test process.
/// </summary>
internal sealed class CollectibleAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private CollectibleAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/>; null (with the reasons in <paramref name="diagnostics"/>) when it has errors.</summary>
    public static CollectibleAssembly? TryLoad(Compilation compilation, out IReadOnlyList<Diagnostic> diagnostics)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        diagnostics = result.Diagnostics;
        if (!result.Success)
        {
            return null;
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new CollectibleAssembly(context, context.LoadFromStream(image));
    }

    public void Dispose() => _context.Unload();
}
