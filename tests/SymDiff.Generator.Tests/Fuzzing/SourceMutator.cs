using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Breaks valid methods: token deletions, duplications, swaps and replacements, inserted tokens, and
/// inserted constructs SymDiff does not support (loops, field and property reads, unknown calls,
/// lambdas, <c>switch</c>, <c>try</c>, ...). The result may not even parse: the generator must cope.
/// </summary>
internal sealed class SourceMutator
{
    private static readonly string[] Identifiers =
    {
        "x", "y", "z", "v0", "b0", "c0", "Field", "Property", "Helper", "Unknown", "Math", "Sin", "Clamp", "value", "var",
        "dynamic", "nameof", "_", "M0Gradient", "Differentiable", "SymDiff", "System", "Generated", "MathF", "Sign",
    };

    private static readonly string[] Operators =
    {
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "&&", "||", "==", "!=", "<", ">", "<=", ">=", "??", "=", "+=",
        "-=", "*=", "/=", "%=", "??=", "=>", "?", ":", ".", "?.", ",", ";", "(", ")", "{", "}", "[", "]", "!", "~", "++", "--", "::", "..",
    };

    private static readonly string[] Literals =
    {
        "0", "1", "1e308", "1e-320", "double.NaN", "double.PositiveInfinity", "1f", "1m", "1L", "1u", "0x10", "1_000.5", "'a'",
        "\"s\"", "true", "null", "default", "int.MaxValue", "-0.0", "double.Epsilon", "Math.Tau", "long.MaxValue",
    };

    private static readonly string[] Tokens =
    {
        "ref", "out", "in", "params", "this", "static", "partial", "async", "await", "new", "int", "float", "decimal", "var",
        "object", "void", "null", "default", "checked", "unchecked", "stackalloc", "throw", "return", "if", "else", "for",
        "while", "is", "as", "not", "and", "or", "with", "switch", "case", "goto", "yield", "unsafe", "fixed", "sizeof",
        "typeof", "base", "[Differentiable]", "[Obsolete]", "#if X", "#endif", "#pragma warning disable", "//", "/*", "*/",
        "@", "$", "\\", "\"", "'", "#", "\n", "<T>", "(double)", "(int)",
    };

    /// <summary>
    /// Statements SymDiff does not support, or must read precisely. Not <c>x = Math.Sign(x) / 2;</c>:
    /// a known bug (<see cref="KnownGeneratorBugTests.IntegerDivisionOfSign_ValueMatchesSource"/>).
    /// </summary>
    private static readonly string[] Statements =
    {
        "for (var i = 0; i < 3; i++) { x += 1.0; }",
        "while (x > 10.0) { x -= 1.0; }",
        "do { x *= 0.5; } while (x > 1.0);",
        "foreach (var t in new[] { 1.0, 2.0 }) { x += t; }",
        "x += Field;",
        "Field = x;",
        "x = Helper(x);",
        "x = Property * x;",
        "x = Scale * x;",
        "x = Unknown(x);",
        "x = Math.Clamp(x, 0.0, 1.0);",
        "x = Math.FusedMultiplyAdd(x, x, 1.0);",
        "x = Math.Round(x, 2);",
        "x = Math.Log(a: x);",
        "x = Math.Max(1, 2);",
        "x = Math.Abs(-3);",
        "x = Math.BitIncrement(x);",
        "x = MathF.Sin((float)x);",
        "x = global::System.Math.Sin(x);",
        "x = System.Math.PI * x;",
        "int n = 3;",
        "float f = 1.0f;",
        "var arr = new double[] { x, x };",
        "x = arr[0];",
        "x %= 2.0;",
        "x = x % 2.0;",
        "x = (int)x;",
        "x = (float)x;",
        "x = x > 0 ? x : throw new InvalidOperationException();",
        "try { x = 1.0 / x; } catch (Exception) { }",
        "throw new InvalidOperationException();",
        "switch (x) { case > 0: x = 1; break; default: break; }",
        "x = x switch { > 0 => x, _ => -x };",
        "double Local(double t) => t * t;",
        "[Differentiable] static double Local2(double t) => t * t; x = Local2(x);",
        "x = Local(x);",
        "Func<double, double> sq = t => t * t;",
        "goto end; end: x += 1;",
        "lock (typeof(Generated)) { x += 1; }",
        "checked { x += 1; }",
        "unsafe { x += 1; }",
        "using var d = (IDisposable?)null;",
        "ref double r = ref x;",
        "(x, y) = (y, x);",
        "var (p, q) = (x, x);",
        "x = nameof(x).Length;",
        "x = $\"{x}\".Length;",
        "Console.WriteLine(x);",
        "x = double.NaN;",
        "x = 1e308 * 10;",
        "return;",
        "return x > 0;",
        "yield return x;",
        "await Task.Yield();",
        "bool flag = x > 0; x = flag == true ? 1 : 0;",
        "bool b = true; b &= x > 0;",
        "x = x is double ? 1 : 0;",
        "x = x is > 0 and < 1 ? x : 0;",
        "x = default;",
        "x = x++ + ++x;",
        "x = (x = 2) * x;",
        "x += x += 1;",
        "const double k = 1.0 / 0.0; x *= k;",
        "const decimal m = 1.5m; x *= (double)m;",
        "const long big = long.MaxValue; x += big;",
        "double.TryParse(\"1\", out x);",
        "x = M0(x);",
        "x = M0Gradient(x, out var dx);",
        "x = (double)(object)x;",
        "x = checked(x + 1);",
        "x = default(double) + x;",
        "x = (x);",
        "x = +x;",
        "x = -(-x);",
        "x = !(x > 0) ? 1.0 : 2.0;",
        "x = x < 0 == y < 0 ? 1.0 : 2.0;",
        "x = x > 0 & y > 0 ? 1.0 : 2.0;",
        "x = ~(int)x;",
        "x = sizeof(double) * x;",
        "x = __arglist;",
        "dynamic dyn = x; x = dyn;",
        "object o = x; x = (double)o;",
        "double? maybe = x; x = maybe ?? 0.0;",
        "x = y = 2.0;",
        "double u, v = 2.0; u = v; x = u;",
        "double w2 = 1.0, w3; w3 = w2; x = w3;",
        "if (x > 0) { } else if (x < 0) { x = -x; } else { x = 1.0; }",
        "{ { { x = x * x; } } }",
        ";;;",
        "#pragma warning disable CS1718\nif (x < x) x = 1.0;\n#pragma warning restore CS1718",
    };

    private readonly Random _random;

    public SourceMutator(Random random) => _random = random;

    /// <summary>The method's source with one to three mutations, and a description of them.</summary>
    public (string Source, string Description) Mutate(string method)
    {
        var descriptions = new List<string>();
        var roll = _random.NextDouble();
        var count = roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
        if (_random.NextDouble() < 0.4)
        {
            // Mostly valid C# that SymDiff does not support: the generator's diagnostics get exercised.
            method = InsertStatement(method, descriptions);
            count--;
        }

        var tokens = SyntaxFactory.ParseTokens(method).Select(t => (Text: t.ToFullString(), Kind: t.Kind())).ToList();
        for (var m = 0; m < count && tokens.Count > 0; m++)
        {
            var i = _random.Next(tokens.Count);
            var text = tokens[i].Text.Trim();
            var kind = _random.NextDouble();
            switch (kind)
            {
                case < 0.15:
                    descriptions.Add("delete '" + text + "'");
                    tokens.RemoveAt(i);
                    break;
                case < 0.25:
                    descriptions.Add("duplicate '" + text + "'");
                    tokens.Insert(i, tokens[i]);
                    break;
                case < 0.35 when i + 1 < tokens.Count:
                    descriptions.Add("swap '" + text + "' and '" + tokens[i + 1].Text.Trim() + "'");
                    (tokens[i], tokens[i + 1]) = (tokens[i + 1], tokens[i]);
                    break;
                case < 0.5:
                    i = Find(tokens, t => t.Kind == SyntaxKind.IdentifierToken, i);
                    Replace(tokens, i, Pick(Identifiers), descriptions);
                    break;
                case < 0.65:
                    i = Find(tokens, t => SyntaxFacts.IsPunctuation(t.Kind), i);
                    Replace(tokens, i, Pick(Operators), descriptions);
                    break;
                case < 0.8:
                    i = Find(tokens, t => t.Kind == SyntaxKind.NumericLiteralToken, i);
                    Replace(tokens, i, Pick(Literals), descriptions);
                    break;
                default:
                    var token = Pick(Tokens);
                    descriptions.Add("insert '" + token + "'");
                    tokens.Insert(i, (" " + token + " ", SyntaxKind.None));
                    break;
            }
        }

        return (string.Concat(tokens.Select(t => t.Text)), string.Join("; ", descriptions));
    }

    /// <summary>Inserts one of <see cref="Statements"/> after a random <c>{</c> or <c>;</c> of the body (an expression body becomes a block).</summary>
    private string InsertStatement(string method, List<string> descriptions)
    {
        var statement = Pick(Statements);
        descriptions.Add("insert statement '" + statement + "'");
        var arrow = method.IndexOf("=> ", StringComparison.Ordinal);
        if (arrow >= 0 && !method.Contains('{', StringComparison.Ordinal))
        {
            var end = method.LastIndexOf(';');
            return method.Substring(0, arrow) + "\n{\n" + statement + "\nreturn " + method.Substring(arrow + 3, end - arrow - 3) + ";\n}\n";
        }

        var body = method.IndexOf('{', StringComparison.Ordinal);
        var anchors = Enumerable.Range(body, method.Length - body).Where(i => method[i] is '{' or ';').ToList();
        var at = anchors[_random.Next(anchors.Count)] + 1;
        return method.Substring(0, at) + "\n" + statement + "\n" + method.Substring(at);
    }

    /// <summary>The first token at or after <paramref name="start"/> (wrapping around) that matches; <paramref name="start"/> when none does.</summary>
    private static int Find(List<(string Text, SyntaxKind Kind)> tokens, Func<(string Text, SyntaxKind Kind), bool> match, int start)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var i = (start + k) % tokens.Count;
            if (match(tokens[i]))
            {
                return i;
            }
        }

        return start;
    }

    private static void Replace(List<(string Text, SyntaxKind Kind)> tokens, int i, string replacement, List<string> descriptions)
    {
        descriptions.Add("replace '" + tokens[i].Text.Trim() + "' by '" + replacement + "'");
        tokens[i] = (" " + replacement + " ", SyntaxKind.None);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
