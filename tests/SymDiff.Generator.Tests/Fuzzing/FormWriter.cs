using System.Globalization;
using System.Text;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Writes one <see cref="InjectedForm"/> as users write it, each changing the method's value: it reads the
/// parameters (the elements, in a span method) and the loop variable around it, and updates the accumulator
/// that every return adds. A form that needs a loop (<c>break</c>, <c>continue</c>, a <c>return</c> in a loop)
/// brings its own when there is none around it, and sometimes when there is (one level deeper).
/// </summary>
/// <remarks>
/// Every update keeps the accumulator finite (halved, or a bounded term added), so every <c>while</c>,
/// <c>do</c> and backward <c>goto</c> ends; every element index is at most n (x and y have n² + 2n + 1 elements);
/// every <c>throw</c> is on a condition that never holds.
/// </remarks>
internal sealed class FormWriter
{
    private static readonly string[] Thresholds = { "0.5", "1.0", "1.5", "2.0" };
    private static readonly string[] LoopThresholds = { "1.0", "1.5", "2.0", "3.0" };

    private readonly Random _random;
    private readonly StringBuilder _text = new();
    private FormScope _scope = null!;
    private int _indent;

    public FormWriter(Random random) => _random = random;

    /// <summary>The form's text (lines ending in a newline, indented from zero) and whether it brought its own loop.</summary>
    public (string Text, bool OwnLoop) Write(InjectedForm form, FormScope scope)
    {
        _text.Clear();
        _indent = 0;
        _scope = scope;
        var ownLoop = false;
        switch (form)
        {
            case InjectedForm.ReturnInLoop:
                ownLoop = InLoop(ReturnInLoop);
                break;
            case InjectedForm.Break:
                ownLoop = InLoop(() =>
                {
                    Line(A + " += 0.5 * " + Term() + ";");
                    Line("if (" + A + " > " + Pick(Thresholds) + ") break;");
                });
                break;
            case InjectedForm.Continue:
                ownLoop = InLoop(Continue);
                break;
            case InjectedForm.While:
                While();
                break;
            case InjectedForm.DoWhile:
                DoWhile();
                break;
            case InjectedForm.Goto:
                Goto();
                break;
            case InjectedForm.DescendingFor:
                DescendingFor();
                break;
            case InjectedForm.SteppedFor:
                SteppedFor();
                break;
            case InjectedForm.SwitchStatement:
                SwitchStatement();
                break;
            case InjectedForm.SwitchExpression:
                SwitchExpression();
                break;
            case InjectedForm.Pattern:
                Pattern();
                break;
            case InjectedForm.LocalFunction:
                LocalFunction();
                break;
            case InjectedForm.Lambda:
                Lambda();
                break;
            case InjectedForm.Throw:
                Throw();
                break;
            case InjectedForm.Try:
                Try();
                break;
            case InjectedForm.Checked:
                Checked();
                break;
            case InjectedForm.Using:
                Using();
                break;
            case InjectedForm.Tuple:
                Tuple();
                break;
            case InjectedForm.Deconstruction:
                Deconstruction();
                break;
            case InjectedForm.IndexFromEnd:
                IndexFromEnd();
                break;
            case InjectedForm.LengthIndex:
                LengthIndex();
                break;
            case InjectedForm.AscendingFor:
                AscendingFor();
                break;
            case InjectedForm.IfElse:
                IfElse();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }

        return (_text.ToString(), ownLoop);
    }

    private string A => _scope.Accumulator;

    /// <summary>Writes <paramref name="body"/> in the loop around the form, or in a loop of its own; true for its own.</summary>
    private bool InLoop(Action body)
    {
        if (_scope.Index is not null && !Chance(0.3))
        {
            body();
            return false;
        }

        var index = _scope.LoopIndex();
        Line("for (int " + index + " = 0; " + index + " < " + Bound() + "; " + index + "++)");
        var outer = _scope;
        _scope = _scope with { Index = index, LoopDepth = _scope.LoopDepth + 1 };
        Braced(() =>
        {
            Line(A + " = " + A + " * 0.5 + " + Term() + ";");
            body();
        });
        _scope = outer;
        return true;
    }

    private void ReturnInLoop()
    {
        var condition = A + " > " + Pick(Thresholds);
        var result = A + " * " + Pick(_scope.Parameters);
        Line(A + " += 0.5 * " + Term() + ";");
        switch (_random.Next(3))
        {
            case 0:
                Line("if (" + condition + ") return " + result + ";");
                break;
            case 1:
                Line("if (" + condition + ")");
                Braced(() => Line("return " + result + ";"));
                break;
            default:
                Line("if (" + A + " < " + Pick(Thresholds) + ")");
                Braced(() => Line(A + " *= 0.5;"));
                Line("else");
                Braced(() => Line("return " + result + ";"));
                break;
        }
    }

    private void Continue()
    {
        var term = Term();
        if (Chance(0.5))
        {
            Line("if (" + term + " < 0.0) continue;");
        }
        else
        {
            Line("if (" + A + " > " + Pick(Thresholds) + ")");
            Braced(() => Line("continue;"));
        }

        Line(A + " += 0.5 * " + term + " * " + term + ";");
    }

    private void While()
    {
        var term = Term();
        switch (_random.Next(3))
        {
            case 0:
                Line(A + " += " + term + " * " + term + ";");
                Line("while (" + A + " > " + Pick(LoopThresholds) + ") " + A + " *= 0.5;");
                break;
            case 1:
                Line("while (" + A + " > " + Pick(LoopThresholds) + ")");
                Braced(() => Line(A + " -= 0.5;"));
                break;
            default:
                var count = _scope.IntLocal();
                Line("var " + count + " = 0;");
                Line("while (" + count + " < 3)");
                Braced(() =>
                {
                    Line(A + " = " + A + " * 0.5 + " + term + ";");
                    Line(count + "++;");
                });
                break;
        }
    }

    private void DoWhile()
    {
        var step = Chance(0.5) ? A + " *= 0.5;" : A + " = " + A + " * 0.5 + 0.1 * " + Term() + ";";
        Line("do");
        Braced(() => Line(step));
        Line("while (" + A + " > " + Pick(LoopThresholds) + ");");
    }

    private void Goto()
    {
        if (Chance(0.5))
        {
            var label = Numbered("skip");
            Line("if (" + A + " > " + Pick(Thresholds) + ") goto " + label + ";");
            Line(A + " = " + A + " * 0.5 + " + Term() + ";");
            Line(label + ": " + A + " += 0.25;");
        }
        else
        {
            var label = Numbered("again");
            Line(label + ": " + A + " = " + A + " * 0.5 + 0.1 * " + Term() + ";");
            Line("if (" + A + " > " + Pick(LoopThresholds) + ") goto " + label + ";");
        }
    }

    private void DescendingFor()
    {
        var k = _scope.LoopIndex();
        string header;
        string body;
        if (_scope.IsSpan)
        {
            (header, body) = _random.Next(3) switch
            {
                0 => ("for (int " + k + " = n - 1; " + k + " >= 0; " + k + "--)", A + " = " + A + " * 0.5 + x[" + k + "];"),
                1 => ("for (int " + k + " = x.Length - 1; " + k + " >= 0; " + k + "--)", A + " += 0.1 * x[" + k + "] * " + Term() + ";"),
                _ => ("for (int " + k + " = n; " + k + " > 0; --" + k + ")", A + " = " + A + " * 0.5 + y[" + k + " - 1];"),
            };
        }
        else
        {
            var step = Pick(new[] { k + "--", "--" + k, k + " -= 1" });
            header = "for (int " + k + " = 3; " + k + (Chance(0.5) ? " >= 0; " : " > -1; ") + step + ")";
            body = A + " = " + A + " * 0.5 + (" + k + " + 1) * " + Term() + ";";
        }

        Line(header);
        Body(body);
    }

    private void SteppedFor()
    {
        var k = _scope.LoopIndex();
        string header;
        string body;
        if (_scope.IsSpan)
        {
            (header, body) = _random.Next(3) switch
            {
                0 => ("for (int " + k + " = 0; " + k + " < n; " + k + " += 2)", A + " += x[" + k + "] * y[" + k + " + 1];"),
                1 => ("for (int " + k + " = 1; " + k + " < x.Length; " + k + " *= 2)", A + " = " + A + " * 0.5 + x[" + k + "];"),
                _ => ("for (int " + k + " = 0; " + k + " <= n; " + k + " = " + k + " + 2)", A + " = " + A + " * 0.5 + y[" + k + "] * " + Term() + ";"),
            };
        }
        else
        {
            (header, body) = Chance(0.5)
                ? ("for (int " + k + " = 0; " + k + " < 6; " + k + " += 2)", A + " = " + A + " * 0.5 + " + k + " * " + Term() + ";")
                : ("for (int " + k + " = 1; " + k + " < 9; " + k + " *= 2)", A + " = " + A + " * 0.5 + Math.Sin(" + k + " * " + Term() + ");");
        }

        Line(header);
        Body(body);
    }

    private void SwitchStatement()
    {
        var term = Term();
        if (Chance(0.5))
        {
            var threshold = Pick(Thresholds);
            Line("switch (" + A + ")");
            Braced(() =>
            {
                Line("case > " + threshold + ":");
                Section(A + " = Math.Sqrt(" + A + ");");
                Line("case < -" + threshold + ":");
                Section(A + " = -0.5 * " + A + ";");
                Line("default:");
                Section(A + " = " + A + " * 0.5 + " + term + ";");
            });
            return;
        }

        var (selector, first, second) = IntSelector();
        Line("switch (" + selector + ")");
        Braced(() =>
        {
            Line("case " + first + ":");
            Section(A + " += " + term + ";");
            Line("case " + second + ":");
            Section(A + " *= 0.5;");
            Line("default:");
            Section(A + " -= 0.5 * " + term + ";");
        });
    }

    private void SwitchExpression()
    {
        var term = Term();
        if (Chance(0.5))
        {
            var threshold = Pick(Thresholds);
            Line(A + " = " + A + " switch");
            _indent++;
            Line("{");
            _indent++;
            Line("> " + threshold + " => Math.Sqrt(" + A + "),");
            Line("< -" + threshold + " => -0.5 * " + A + ",");
            Line("_ => " + A + " * 0.5 + " + term + ",");
            _indent--;
            Line("};");
            _indent--;
            return;
        }

        var (selector, first, second) = IntSelector();
        Line(A + " += " + Operand(selector) + " switch { " + first + " => " + term + ", " + second + " => -" + Operand(term) + ", _ => 0.5 * " + term + " };");
    }

    private void Pattern()
    {
        var term = Term();
        var threshold = Pick(Thresholds);
        switch (_random.Next(4))
        {
            case 0:
                Line(A + " = " + A + " is > 0.0 and < " + threshold + " ? " + A + " * " + term + " : " + A + " * 0.5 + 0.25;");
                break;
            case 1:
                Line("if (" + Operand(term) + " is > 0.5 or < -0.5) " + A + " *= 0.5;");
                break;
            case 2:
                Line("if (" + A + " is not > " + threshold + ") " + A + " += " + term + ";");
                break;
            default:
                var name = _scope.Fresh();
                Line("if (" + A + " is double " + name + " && " + name + " > " + threshold + ") " + A + " = " + name + " * 0.5;");
                break;
        }
    }

    private void LocalFunction()
    {
        var name = Numbered("Damp");
        var call = A + " = " + name + "(" + A + ", " + Term() + ");";
        var callFirst = Chance(0.3);
        if (callFirst)
        {
            Line(call);
        }

        if (Chance(0.5))
        {
            Line((Chance(0.5) ? "static " : "") + "double " + name + "(double u, double v) => Math.Sin(u) + 0.5 * u + v;");
        }
        else
        {
            Line("double " + name + "(double u, double v)");
            Braced(() => Line("return u * 0.5 + Math.Cos(v);"));
        }

        if (!callFirst)
        {
            Line(call);
        }
    }

    private void Lambda()
    {
        var name = _scope.Fresh();
        var term = Term();
        switch (_random.Next(3))
        {
            case 0:
                Line("Func<double, double> " + name + " = u => 0.5 * u + Math.Cos(u);");
                Line(A + " = " + name + "(" + A + " + " + term + ");");
                break;
            case 1:
                Line("var " + name + " = (double u) => Math.Tanh(u) + 0.5 * u;");
                Line(A + " = " + name + "(" + A + ") + " + term + ";");
                break;
            default:
                Line(A + " = ((Func<double, double>)(u => u * 0.5))(" + A + ") + " + term + ";");
                break;
        }
    }

    private void Throw()
    {
        var term = Term();
        if (Chance(0.5))
        {
            Line("if (" + A + " > 1e300) throw new InvalidOperationException(\"the sum overflowed\");");
            Line(A + " = " + A + " * 0.5 + " + term + ";");
        }
        else
        {
            Line(A + " = (" + A + " < 1e300 ? " + A + " : throw new ArgumentOutOfRangeException(nameof(" + A + "))) * 0.5 + " + term + ";");
        }
    }

    private void Try()
    {
        var term = Term();
        Line("try");
        if (Chance(0.5))
        {
            Braced(() => Line(A + " = " + A + " * 0.5 + " + term + ";"));
            Line("finally");
            Braced(() => Line(A + " += 0.25;"));
        }
        else
        {
            Braced(() => Line(A + " = Math.Sqrt(" + A + " * " + A + " + 1.0) * 0.5 + " + term + ";"));
            Line("catch (ArithmeticException)");
            Braced(() => Line(A + " = 0.0;"));
        }
    }

    private void Checked()
    {
        var term = Term();
        switch (_random.Next(3))
        {
            case 0:
                Line(A + " = checked(" + A + " * 0.5 + " + term + ");");
                break;
            case 1:
                Line("checked");
                Braced(() => Line(A + " += " + term + ";"));
                break;
            default:
                var (selector, _, _) = IntSelector();
                Line(A + " += checked(" + selector + " * 2) * 0.25 * " + term + ";");
                break;
        }
    }

    private void Using()
    {
        var name = _scope.Fresh();
        var update = A + " = " + A + " * 0.5 + " + Term() + ";";
        switch (_random.Next(3))
        {
            case 0:
                Line("using (var " + name + " = new FuzzScope())");
                Braced(() => Line(update));
                break;
            case 1:
                Line("using var " + name + " = new FuzzScope();");
                Line(update);
                break;
            default:
                Line("using (new FuzzScope())");
                Braced(() => Line(update));
                break;
        }
    }

    private void Tuple()
    {
        var name = _scope.Fresh();
        var term = Term();
        switch (_random.Next(3))
        {
            case 0:
                Line("double " + name + " = " + term + ";");
                Line("(" + A + ", " + name + ") = (" + name + ", " + A + " * 0.5);");
                Line(A + " += " + name + ";");
                break;
            case 1:
                Line("var " + name + " = (" + A + ", " + term + ");");
                Line(A + " = " + name + ".Item1 * 0.5 + " + name + ".Item2;");
                break;
            default:
                Line("(double Sum, double Weight) " + name + " = (" + A + " + " + term + ", 0.5);");
                Line(A + " = " + name + ".Sum * " + name + ".Weight;");
                break;
        }
    }

    private void Deconstruction()
    {
        var (first, second) = (_scope.Fresh(), _scope.Fresh());
        var term = Term();
        switch (_random.Next(3))
        {
            case 0:
                Line("var (" + first + ", " + second + ") = (" + A + " * 0.5, " + term + ");");
                Line(A + " = " + first + " + " + second + ";");
                break;
            case 1:
                Line("(double " + first + ", double " + second + ") = (" + term + ", " + A + ");");
                Line(A + " = 0.5 * " + second + " + " + first + ";");
                break;
            default:
                Line("double " + first + ", " + second + ";");
                Line("(" + first + ", " + second + ") = (" + A + ", " + term + ");");
                Line(A + " = 0.5 * " + first + " + " + second + ";");
                break;
        }
    }

    private void IndexFromEnd()
    {
        if (!_scope.IsSpan)
        {
            var array = _scope.Fresh();
            Line("var " + array + " = new[] { " + A + ", " + Term() + ", 0.5 };");
            Line(A + " = " + array + "[^1] * " + array + "[0] + " + array + "[^2];");
            return;
        }

        var vector = Vector();
        Line(_scope.Index is { } i && Chance(0.7)
            ? A + " += 0.5 * " + vector + "[^(" + i + " + 1)];"
            : Chance(0.5)
                ? A + " += " + vector + "[^1] * " + Term() + ";"
                : A + " = " + A + " * 0.5 + " + vector + "[^(n + 1)];");
    }

    private void LengthIndex()
    {
        if (!_scope.IsSpan)
        {
            var array = _scope.Fresh();
            Line("var " + array + " = new[] { " + Term() + ", " + A + " };");
            Line(A + " = " + array + "[" + array + ".Length - 1] * 0.5 + " + array + "[0];");
            return;
        }

        var vector = Vector();
        switch (_random.Next(4))
        {
            case 0:
                Line(A + " += " + vector + "[" + vector + ".Length - 1] * " + Term() + ";");
                break;
            case 1 when _scope.Index is { } i:
                Line(A + " += 0.5 * " + vector + "[" + vector + ".Length - 1 - " + i + "];");
                break;
            default:
                var last = _scope.IntLocal();
                Line("int " + last + " = " + vector + ".Length - 1" + (_scope.Index is { } j ? " - " + j : "") + ";");
                Line(A + " = " + A + " * 0.5 + " + vector + "[" + last + "];");
                break;
        }
    }

    private void AscendingFor()
    {
        var k = _scope.LoopIndex();
        if (Chance(0.5))
        {
            // An int local as the bound (up to n, in a span method).
            var end = _scope.IntLocal();
            Line("int " + end + " = " + (_scope.IsSpan ? "n" : Bound()) + ";");
            Line("for (int " + k + " = 0; " + k + " < " + end + "; " + k + "++)");
            Body(_scope.IsSpan
                ? A + " = " + A + " * 0.5 + " + Vector() + "[" + k + "] * " + Term() + ";"
                : A + " = " + A + " * 0.5 + Math.Sin(" + Term() + " + " + k + ");");
            return;
        }

        Line("for (int " + k + " = 0; " + k + " < " + Bound() + "; " + k + "++)");
        Body(_scope.IsSpan
            ? A + " = " + A + " * 0.5 + " + Vector() + "[" + k + "] * " + Term() + ";"
            : A + " = " + A + " * 0.5 + Math.Sin(" + Term() + " + " + k + ");");
    }

    private void IfElse()
    {
        var term = Term();
        if (_scope.IsSpan && Chance(0.4))
        {
            var element = _scope.IntLocal();
            Line("int " + element + " = n;");
            Line("if (" + Vector() + "[" + element + "] < a) " + A + " += " + Vector() + "[" + element + "]; else " + A + " -= 0.5 * " + term + ";");
            return;
        }

        Line("if (" + Operand(term) + " > " + A + ")");
        Braced(() => Line(A + " = " + A + " * 0.5 + " + term + ";"));
        Line("else");
        Braced(() => Line(A + " -= 0.25 * " + term + ";"));
    }

    /// <summary>An int to switch on, with two of its values: the loop variable, n, or the sign of a term.</summary>
    private (string Selector, string First, string Second) IntSelector()
        => _scope.Index is { } i ? (i + " % 3", "0", "1")
            : _scope.IsSpan ? ("n", "1", "2")
            : ("Math.Sign(" + Term() + ")", "1", "-1");

    /// <summary>A bounded double term: a parameter, an element at the loop variable, ...</summary>
    private string Term()
    {
        if (_scope.IsSpan)
        {
            return _scope.Index is { } i && Chance(0.75)
                ? Vector() + "[" + i + "]" + (Chance(0.3) ? " * a" : "")
                : Pick(new[] { "a", "x[0]", "y[n]", "Math.Sin(a)", "0.5 * y[0]" });
        }

        var p = Pick(_scope.Parameters);
        return _scope.Index is { } index && Chance(0.6)
            ? Pick(new[] { "Math.Sin(" + p + " + " + index + ")", "0.25 * " + p + " * " + index, "Math.Cos(" + p + " * " + index + ")" })
            : Pick(new[] { p, "Math.Sin(" + p + ")", "0.5 * " + p, "Math.Cos(" + p + ")" });
    }

    /// <summary>A fresh name of another kind (a label, a local function): <paramref name="prefix"/> and a fresh number.</summary>
    private string Numbered(string prefix) => prefix + _scope.Fresh().TrimStart('f');

    private string Vector() => Chance(0.5) ? "x" : "y";

    private string Bound() => _scope.IsSpan ? "n" : _random.Next(2, 5).ToString(CultureInfo.InvariantCulture);

    private static string Operand(string text) => text.Contains(' ', StringComparison.Ordinal) ? "(" + text + ")" : text;

    /// <summary>A loop body: one statement, braced or not.</summary>
    private void Body(string statement)
    {
        if (Chance(0.3))
        {
            _indent++;
            Line(statement);
            _indent--;
        }
        else
        {
            Braced(() => Line(statement));
        }
    }

    private void Section(string statement)
    {
        _indent++;
        Line(statement);
        Line("break;");
        _indent--;
    }

    private void Braced(Action body)
    {
        Line("{");
        _indent++;
        body();
        _indent--;
        Line("}");
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Line(string text) => _text.Append(' ', 4 * _indent).Append(text).Append('\n');
}
