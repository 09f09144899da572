using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SymDiff.Generator.Diagnostics;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic's help link is an absolute URL to its own section of docs/diagnostics.md, which exists.</summary>
public sealed class HelpLinkTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_IsAbsoluteAndEndsWithItsSectionsAnchor(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var link = new Uri(descriptor.HelpLinkUri, UriKind.Absolute);
        Assert.Equal("https", link.Scheme);
        Assert.EndsWith("/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);

        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "diagnostics.md"));
        Assert.Contains("<a id=\"" + id.ToLowerInvariant() + "\"></a>", document, StringComparison.Ordinal);
        Assert.Matches(new Regex("^## " + id + ": ", RegexOptions.Multiline), document);
    }

    [Fact]
    public void HelpLinks_AllStartWithTheOneRepositoryUrl()
    {
        var prefixes = Descriptors().Select(d => d.HelpLinkUri.Substring(0, d.HelpLinkUri.IndexOf("/blob/", StringComparison.Ordinal))).Distinct().ToList();
        Assert.Single(prefixes);
        var props = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "Directory.Build.props"));
        Assert.Contains("<RepositoryUrl>" + prefixes[0] + "</RepositoryUrl>", props, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors()
        => typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>();
}
