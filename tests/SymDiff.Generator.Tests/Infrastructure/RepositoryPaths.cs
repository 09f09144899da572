namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>Where the repository is, for tests that read its files (docs, build properties) or pack it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding SymDiff.sln, above the test's binaries.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SymDiff.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SymDiff.sln not found above " + AppContext.BaseDirectory);
    }
}
