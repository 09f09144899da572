using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using SymDiff.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Packaging;

/// <summary>
/// The package as a user gets it: <c>dotnet pack src/SymDiff</c>, then a fresh console project that
/// restores SymDiff from that folder alone, builds with TreatWarningsAsErrors and prints a gradient.
/// </summary>
public sealed class PackageTests
{
    private readonly ITestOutputHelper _output;

    public PackageTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void PackedPackage_InFreshProject_GeneratesAndRunsGradient()
    {
        var clock = Stopwatch.StartNew();
        var temp = Directory.CreateTempSubdirectory("symdiff-package-");
        try
        {
            // Pack a copy of the sources, so that the test never races a build of the working tree.
            var repository = CopySources(RepositoryPaths.Root(), Path.Combine(temp.FullName, "repo"));
            var feed = Path.Combine(temp.FullName, "feed");
            DotnetCli.Run(repository, "pack", Path.Combine("src", "SymDiff"), "-c", "Release", "-o", feed, "--disable-build-servers", "-p:UseSharedCompilation=false");
            var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
            _output.WriteLine("packed " + Path.GetFileName(package) + " in " + Seconds(clock));
            AssertLayout(package);
            Assert.Single(Directory.GetFiles(feed, "*.snupkg"));

            var app = Directory.CreateDirectory(Path.Combine(temp.FullName, "app")).FullName;
            var version = Path.GetFileNameWithoutExtension(package).Substring("SymDiff.".Length);
            WriteConsoleProject(app, version);

            // The package feed is the only source, and the packages folder is new: the package must
            // restore on its own (no leaked dependency) and a stale copy in the user's cache cannot stand in.
            DotnetCli.Run(app, "restore", "--packages", Path.Combine(temp.FullName, "packages"));
            DotnetCli.Run(app, "build", "--no-restore", "-c", "Release", "--disable-build-servers", "-p:UseSharedCompilation=false");
            var printed = DotnetCli.Run(app, Path.Combine(app, "bin", "Release", "net10.0", "App.dll"));

            Assert.Equal("88 140 24", printed.Trim());
            var generated = Path.Combine(app, "obj", "Release", "net10.0", "generated", "SymDiff.Generator");
            Assert.Single(Directory.GetFiles(generated, "Lecture.SymDiff.g.cs", SearchOption.AllDirectories));
            _output.WriteLine("restored, built and ran in " + Seconds(clock));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>One package: the runtime in lib/, the generator and the code fixes as analyzers, and only the runtime's own dependency.</summary>
    private static void AssertLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/SymDiff.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SymDiff.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SymDiff.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".dll", StringComparison.Ordinal)
            && e is not "lib/net8.0/SymDiff.dll" and not "analyzers/dotnet/cs/SymDiff.Generator.dll" and not "analyzers/dotnet/cs/SymDiff.CodeFixes.dll");

        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        // The runtime's kernels need System.Numerics.Tensors; nothing the analyzers use (Roslyn, Workspaces) may leak.
        var dependencies = document.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Equal(new[] { "System.Numerics.Tensors" }, dependencies);

        // What a user checks first on the package's page.
        string? Metadata(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("MIT", Metadata("license"));
        Assert.Equal("README.md", Metadata("readme"));
        Assert.Contains("automatic-differentiation", Metadata("tags"), StringComparison.Ordinal);
        Assert.StartsWith("https://", Metadata("projectUrl"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Metadata("description")));
        var repository = document.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Metadata("projectUrl"), (string?)repository.Attribute("url"));
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
    }

    private static void WriteConsoleProject(string directory, string version)
    {
        // The package's one dependency (System.Numerics.Tensors) comes from the machine's package cache,
        // which the solution's own restore filled: still no network.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="symdiff-test-feed" value="../feed" />
                <add key="machine-package-cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SymDiff" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System;
            using SymDiff;

            var f = Lecture.FGradient(2, 3, out var dx, out var dy);
            Console.WriteLine(FormattableString.Invariant($"{f} {dx} {dy}"));

            public static partial class Lecture
            {
                [Differentiable]
                public static double F(double x, double y) => x * x * x * (x + 3 * y);
            }
            """);
    }

    /// <summary>Copies what packing needs (the runtime, the generator, the code fixes, the shared build files), without bin/ and obj/.</summary>
    private static string CopySources(string root, string destination)
    {
        foreach (var file in new[] { "Directory.Build.props", "global.json", "README.md", "LICENSE" })
        {
            Directory.CreateDirectory(destination);
            File.Copy(Path.Combine(root, file), Path.Combine(destination, file));
        }

        foreach (var project in new[] { Path.Combine("src", "SymDiff"), Path.Combine("generator", "SymDiff.Generator"), Path.Combine("generator", "SymDiff.CodeFixes") })
        {
            var source = Path.Combine(root, project);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj")
                {
                    continue;
                }

                var target = Path.Combine(destination, project, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return destination;
    }

    private static string Seconds(Stopwatch clock) => clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
