using System.Text;
using System.Text.RegularExpressions;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Documentation;

/// <summary>Every relative link in README.md, CHANGELOG.md and docs/*.md reaches a file, and a heading or anchor in it.</summary>
public sealed class DocumentationLinkTests
{
    private static readonly Regex Link = new(@"\]\(([^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.Compiled);
    private static readonly Regex Heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.Compiled);
    private static readonly Regex ExplicitAnchor = new(@"<a\s+(?:id|name)=""([^""]+)""", RegexOptions.Compiled);

    [Fact]
    public void RelativeLinks_InReadmeChangelogAndDocs_AllResolve()
    {
        var root = RepositoryPaths.Root();
        var files = new[] { Path.Combine(root, "README.md"), Path.Combine(root, "CHANGELOG.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            .ToList();
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in files)
        {
            var lines = OutsideCode(File.ReadAllText(file));
            for (var i = 0; i < lines.Count; i++)
            {
                var text = Regex.Replace(lines[i], "`[^`]*`", "");
                foreach (Match match in Link.Matches(text))
                {
                    var target = match.Groups[1].Value;
                    if (Regex.IsMatch(target, "^[a-z]+:"))
                    {
                        continue;
                    }

                    checkedLinks++;
                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var (path, fragment) = hash < 0 ? (target, "") : (target[..hash], target[(hash + 1)..]);
                    var destination = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                    var where = Path.GetRelativePath(root, file) + ":" + (i + 1) + ": " + target;
                    if (!File.Exists(destination) && !Directory.Exists(destination))
                    {
                        broken.Add(where + " (no such file)");
                    }
                    else if (fragment.Length > 0 && !Anchors(destination).Contains(fragment))
                    {
                        broken.Add(where + " (no such heading or anchor)");
                    }
                }
            }
        }

        Assert.True(checkedLinks > 50, "only " + checkedLinks + " links found: the pattern no longer matches");
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    /// <summary>The lines of a Markdown text, fenced code blanked out.</summary>
    private static List<string> OutsideCode(string text)
    {
        var lines = new List<string>();
        var fenced = false;
        foreach (var line in text.Split('\n'))
        {
            if (Regex.IsMatch(line, @"^\s*(```|~~~)"))
            {
                fenced = !fenced;
                lines.Add("");
                continue;
            }

            lines.Add(fenced ? "" : line);
        }

        return lines;
    }

    /// <summary>GitHub's anchors of a Markdown file: its headings' slugs (numbered when repeated) and its explicit anchors.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        if (!file.EndsWith(".md", StringComparison.Ordinal))
        {
            return anchors;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in OutsideCode(File.ReadAllText(file)))
        {
            if (Heading.Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups[2].Value);
                var count = seen.GetValueOrDefault(slug);
                anchors.Add(count == 0 ? slug : slug + "-" + count);
                seen[slug] = count + 1;
            }

            foreach (Match anchor in ExplicitAnchor.Matches(line))
            {
                anchors.Add(anchor.Groups[1].Value);
            }
        }

        return anchors;
    }

    private static string Slug(string heading)
    {
        var text = Regex.Replace(heading, "<[^>]+>", "");
        text = Regex.Replace(text, @"\[([^\]]*)\]\([^)]*\)", "$1").Replace("`", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            {
                slug.Append(c == ' ' ? '-' : c);
            }
        }

        return slug.ToString();
    }
}
