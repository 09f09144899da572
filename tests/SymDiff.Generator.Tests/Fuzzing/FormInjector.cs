using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Injects <see cref="InjectedForm"/>s into a random method (from <see cref="MethodGenerator"/> or
/// <see cref="SpanMethodGenerator"/>) in a requested <see cref="FormContext"/>: into a statement list of that
/// context the method already has, or into a branch or loops written around the form at its top level.
/// </summary>
/// <remarks>
/// So that every form changes the value, the method gets an accumulator, declared first, that the forms update and
/// every return adds. The result compiles: forms read only what is assigned where they stand, and an int a form
/// declares often reuses a name (<c>i</c>, <c>k</c>, <c>last</c>, the method's own loop variables) where C# allows
/// it, in a sibling scope, as users reuse them.
/// </remarks>
internal sealed class FormInjector
{
    private const string Prefix = "class C {\n";
    private static readonly string[] IntNames = { "i", "j", "k", "m", "last" };

    private readonly Random _random;
    private readonly FormWriter _writer;

    /// <summary>The text inserted so far into the current method (wrappers included): nothing goes inside it.</summary>
    private readonly List<(int Start, int Length)> _inserted = new();
    private int _fresh;

    public FormInjector(Random random)
    {
        _random = random;
        _writer = new FormWriter(random);
    }

    public InjectedMethod Inject(FuzzMethod method, bool isSpan, IReadOnlyList<(InjectedForm Form, FormContext Context)> forms)
    {
        _fresh = 0;
        _inserted.Clear();
        var (source, wrappers) = isSpan ? SplitWrappers(method) : (method.Source, "");
        var accumulator = Fresh();
        source = Prepare(source, accumulator, isSpan);
        var injections = new List<Injection>();
        foreach (var (form, context) in forms)
        {
            var (text, injection, position, length) = InjectOne(source, form, context, isSpan, accumulator);
            source = text;
            for (var i = 0; i < injections.Count; i++)
            {
                injections[i] = injections[i].Start >= position ? injections[i].Shifted(length) : injections[i];
            }

            for (var i = 0; i < _inserted.Count; i++)
            {
                _inserted[i] = _inserted[i].Start >= position ? (_inserted[i].Start + length, _inserted[i].Length) : _inserted[i];
            }

            _inserted.Add((position, length));
            injections.Add(injection);
        }

        return new InjectedMethod(method with { Source = source }, isSpan, wrappers, injections);
    }

    /// <summary>The method without its array wrappers, and the wrappers.</summary>
    private static (string Method, string Wrappers) SplitWrappers(FuzzMethod method)
    {
        var cut = method.Source.IndexOf("    public static double " + method.Name + "_Value(", StringComparison.Ordinal);
        return (method.Source[..cut], method.Source[cut..]);
    }

    /// <summary>A block body whose first statement declares the accumulator and whose every return adds it.</summary>
    private string Prepare(string source, string accumulator, bool isSpan)
    {
        var method = Parse(source);
        if (method.ExpressionBody is { } arrow)
        {
            source = source[..Offset(method.ParameterList.Span.End)] + "\n    {\n        return " + arrow.Expression + ";\n    }"
                + source[Offset(method.SemicolonToken.Span.End)..];
            method = Parse(source);
        }

        var text = new StringBuilder(source);
        foreach (var value in method.Body!.DescendantNodes().OfType<ReturnStatementSyntax>().Select(r => r.Expression!).OrderByDescending(e => e.SpanStart))
        {
            text.Remove(Offset(value.SpanStart), value.Span.Length).Insert(Offset(value.SpanStart), "(" + value + ") + " + accumulator);
        }

        var first = method.ParameterList.Parameters[0].Identifier.ValueText;
        var initial = isSpan ? Pick(new[] { "0.5 * a", "x[0] * a" }) : Pick(new[] { "0.5 * " + first, "Math.Sin(" + first + ")" });
        text.Insert(Offset(method.Body.OpenBraceToken.Span.End) + 1, "        double " + accumulator + " = " + initial + ";\n");
        return text.ToString();
    }

    private (string Source, Injection Injection, int Position, int Length) InjectOne(string source, InjectedForm form, FormContext context, bool isSpan, string accumulator)
    {
        var method = Parse(source);
        var points = Points(method).ToList();
        var matching = points.Where(p => p.Context == context).ToList();
        var existing = matching.Count > 0 && Chance(0.6);
        var point = existing ? Pick(matching) : Pick(points.Where(p => p.Block == method.Body).ToList());
        var parameters = isSpan ? new[] { "a" } : method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToArray();
        var taken = new HashSet<string>(StringComparer.Ordinal);

        // The method's own loop variables first: an int local named as a later loop's variable is the reuse that matters.
        var loopNames = method.DescendantNodes().OfType<ForStatementSyntax>().SelectMany(f => f.Declaration!.Variables.Select(v => v.Identifier.ValueText)).Distinct().ToList();
        var reusable = loopNames.OrderBy(_ => _random.Next()).Concat(IntNames.Except(loopNames).OrderBy(_ => _random.Next())).ToList();
        string IntName(bool direct)
        {
            var name = Chance(0.6) ? reusable.FirstOrDefault(n => !taken.Contains(n) && CanDeclare(n, point.Block, method, direct)) : null;
            name ??= Fresh();
            taken.Add(name);
            return name;
        }

        // An int local of a form standing directly in the method's statement list is declared in that list; one
        // inside a wrapper, or a loop variable, in a scope of its own.
        var wrapped = !existing && context != FormContext.TopLevel;
        var scope = new FormScope(isSpan, parameters, point.Index, point.LoopDepth, accumulator, Fresh, () => IntName(direct: false), () => IntName(direct: !wrapped));
        var wrapper = new Wrapper(existing ? FormContext.TopLevel : context, scope, _random);
        var (formText, ownLoop) = _writer.Write(form, wrapper.Inner);
        var (before, after) = wrapper.Around();
        var indent = new string(' ', point.Indent);
        var formIndent = indent + new string(' ', 4 * wrapper.Depth);
        var inserted = Indent(before, indent) + Indent(formText, formIndent) + Indent(after, indent);
        var start = point.Position + Indent(before, indent).Length;
        var injection = new Injection(form, context, wrapper.Inner.LoopDepth + (ownLoop ? 1 : 0), existing, start, Indent(formText, formIndent).Length);
        return (source.Insert(point.Position, inserted), injection, point.Position, inserted.Length);
    }

    /// <summary>Every place before a statement of a statement list, outside (not between the statements of) anything inserted, with its context.</summary>
    private IEnumerable<Point> Points(MethodDeclarationSyntax method)
    {
        foreach (var block in method.Body!.DescendantNodesAndSelf().OfType<BlockSyntax>())
        {
            if (block.Parent is not (MethodDeclarationSyntax or BlockSyntax or ForStatementSyntax or IfStatementSyntax or ElseClauseSyntax)
                || _inserted.Any(r => Offset(block.SpanStart) >= r.Start && Offset(block.SpanStart) < r.Start + r.Length))
            {
                continue;
            }

            var loops = block.AncestorsAndSelf().TakeWhile(a => a != method).OfType<ForStatementSyntax>().ToList();
            var inBranch = block.Ancestors().TakeWhile(a => a != method).Any(a => a is IfStatementSyntax);
            var context = loops.Count switch
            {
                >= 2 => FormContext.NestedLoop,
                1 => FormContext.Loop,
                _ => inBranch ? FormContext.Branch : FormContext.TopLevel,
            };
            var index = loops.FirstOrDefault()?.Declaration!.Variables[0].Identifier.ValueText;
            for (var k = block == method.Body ? 1 : 0; k < block.Statements.Count; k++)
            {
                var statement = block.Statements[k];
                var position = Offset(statement.FullSpan.Start);
                if (_inserted.Any(r => position > r.Start && position < r.Start + r.Length))
                {
                    continue;
                }

                var indent = statement.GetLocation().GetLineSpan().StartLinePosition.Character;
                yield return new Point(block, position, indent, context, loops.Count, index);
            }
        }
    }

    /// <summary>
    /// Whether a local named <paramref name="name"/> may be declared in a new scope inside <paramref name="block"/>
    /// or, when <paramref name="direct"/>, in <paramref name="block"/> itself: C# forbids a name declared directly in
    /// a scope around it (a parameter, a loop variable, a local of the block or of a block around it) and, directly
    /// in the block, one declared anywhere inside the block; a sibling scope's is fine.
    /// </summary>
    private static bool CanDeclare(string name, BlockSyntax block, MethodDeclarationSyntax method, bool direct)
    {
        bool Declares(SyntaxNode node) => node switch
        {
            VariableDeclaratorSyntax v => v.Identifier.ValueText == name,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText == name,
            ParameterSyntax p => p.Identifier.ValueText == name,
            LocalFunctionStatementSyntax f => f.Identifier.ValueText == name,
            ForEachStatementSyntax f => f.Identifier.ValueText == name,
            LabeledStatementSyntax l => l.Identifier.ValueText == name,
            _ => false,
        };

        if (method.ParameterList.Parameters.Any(Declares) || (direct && block.DescendantNodes().Any(Declares)))
        {
            return false;
        }

        foreach (var scope in block.AncestorsAndSelf().TakeWhile(a => a != method))
        {
            var declared = scope switch
            {
                BlockSyntax around => around.Statements
                    .Where(s => s is not (ForStatementSyntax or BlockSyntax))
                    .Any(s => s.DescendantNodesAndSelf(n => n == s || n is not BlockSyntax).Any(Declares)),
                ForStatementSyntax loop => loop.Declaration?.Variables.Any(Declares) == true,
                _ => false,
            };
            if (declared)
            {
                return false;
            }
        }

        return true;
    }

    private static string Indent(string text, string indent)
        => string.Concat(text.Split('\n').SkipLast(1).Select(line => (line.Length == 0 ? "" : indent + line) + "\n"));

    private static MethodDeclarationSyntax Parse(string source)
        => CSharpSyntaxTree.ParseText(Prefix + source + "\n}", GeneratorHarness.ParseOptions).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();

    private static int Offset(int position) => position - Prefix.Length;

    private string Fresh() => "f" + _fresh++.ToString(CultureInfo.InvariantCulture);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A place to insert before a statement: its block, its offset in the method's source (the start of its line), its indentation, where it stands.</summary>
    private sealed record Point(BlockSyntax Block, int Position, int Indent, FormContext Context, int LoopDepth, string? Index);

    /// <summary>
    /// The branch or loops written around a form at the top level, for a context the method does not offer (none
    /// for the top level): its text before and after the form, and the scope inside it.
    /// </summary>
    private sealed class Wrapper
    {
        private readonly StringBuilder _before = new();
        private readonly StringBuilder _after = new();
        private readonly Random _random;

        public Wrapper(FormContext context, FormScope scope, Random random)
        {
            Inner = scope;
            _random = random;
            switch (context)
            {
                case FormContext.Branch:
                    var p = Pick(scope.Parameters);
                    var condition = scope.IsSpan
                        ? Pick(new[] { "a > 0.0", "x[0] < y[0]", "n > 2" })
                        : Pick(new[] { p + " > 0.5", p + " < " + scope.Parameters[^1] + " + 0.25", "Math.Sin(" + p + ") < 0.3" });
                    Open("if (" + condition + ")");
                    if (_random.NextDouble() < 0.4)
                    {
                        _after.Append("else\n{\n    " + scope.Accumulator + " -= 0.25;\n}\n");
                    }

                    break;
                case FormContext.Loop:
                    Loop(scope.IsSpan ? "n" : "3");
                    break;
                case FormContext.NestedLoop:
                    Loop(scope.IsSpan ? "n" : "3");
                    Loop(scope.IsSpan ? Inner.Index + " + 1" : "2");
                    if (_random.NextDouble() < 0.3)
                    {
                        Loop(scope.IsSpan ? "n" : "2");
                    }

                    break;
            }
        }

        /// <summary>The scope of the form inside the wrapper.</summary>
        public FormScope Inner { get; private set; }

        /// <summary>How many braces deep the form is.</summary>
        public int Depth { get; private set; }

        public (string Before, string After) Around() => (_before.ToString(), _after.ToString());

        /// <summary>A loop (over n, or a few iterations) whose body first updates the accumulator with an element or a term of its variable.</summary>
        private void Loop(string bound)
        {
            var index = Inner.LoopIndex();
            var a = Inner.Accumulator;
            var term = Inner.IsSpan ? Pick(new[] { "x", "y" }) + "[" + index + "]" : "Math.Sin(" + Pick(Inner.Parameters) + " + " + index + ")";
            Open("for (int " + index + " = 0; " + index + " < " + bound + "; " + index + "++)");
            _before.Append(new string(' ', 4 * Depth) + a + " = " + a + " * 0.5 + " + term + ";\n");
            Inner = Inner with { Index = index, LoopDepth = Inner.LoopDepth + 1 };
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private void Open(string header)
        {
            var indent = new string(' ', 4 * Depth);
            _before.Append(indent + header + "\n" + indent + "{\n");
            _after.Insert(0, indent + "}\n");
            Depth++;
        }
    }
}
