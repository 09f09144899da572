using System.Globalization;
using System.Text;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Writes random, well-formed <c>[Differentiable]</c> methods in exactly the supported language:
/// expression and block bodies; <c>double</c>, <c>bool</c> and <c>const</c> locals; reassignment of
/// locals and parameters (<c>= += -= *= /= ++ --</c>); <c>+ - * /</c> and unary minus; every
/// supported <c>Math</c> (and <c>double.</c>) function; <c>?:</c>; <c>if</c>/<c>else</c> with
/// comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>; early returns; top-level <c>for</c> loops, with
/// loops nested up to three deep, whose bodies update values declared before them and read the loop variables.
/// </summary>
/// <remarks>
/// Every method compiles: locals have unique names (so scopes never clash), every local is assigned
/// before it is read, no statement follows one that always returns, and every condition reads a
/// variable. Domain-restricted functions (<c>Log</c>, <c>Sqrt</c>, <c>Asin</c>, ...) usually get an
/// argument that is in their domain by construction, so that most points have a finite value.
/// </remarks>
internal sealed class MethodGenerator
{
    private const int MaxExpressionDepth = 4;
    private const int MaxStatementNesting = 2;

    private static readonly string[] ParameterNames = { "x", "y", "z", "w" };

    // Parameters named as the generated members name theirs (dx for x, then __dx, seed, tangent, hvx...): every
    // generated name must avoid them.
    private static readonly string[][] ClashingNames =
    {
        new[] { "x", "dx", "__dx", "___dx" },
        new[] { "seed", "__seed", "dseed", "tangent" },
        new[] { "gradient", "hessian", "__gradient", "hvgradient" },
        new[] { "tx", "x", "dtx", "__tangent" },
    };
    private static readonly string[] DoubleLiterals = { "0.0", "0.5", "1.0", "2.0", "0.25", "1e-3", "10.0", "1.5", "3.0", "0.1", "2.5e-1" };
    private static readonly string[] IntLiterals = { "1", "2", "3" };
    private static readonly string[] UnaryFunctions =
    {
        "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Exp", "Log", "Log10", "Log2",
        "Sqrt", "Cbrt", "Abs", "Floor", "Ceiling", "Round", "Sign",
    };

    private static readonly string[] BinaryFunctions = { "Atan2", "Log", "Pow", "Max", "Min" };
    private static readonly string[] Comparisons = { "<", "<=", ">", ">=", "==", "!=" };
    private static readonly string[] CompoundAssignments = { "+=", "-=", "*=", "/=" };

    private readonly Random _random;
    private readonly StringBuilder _text = new();
    private readonly List<string> _doubles = new();
    private readonly List<string> _bools = new();
    private readonly List<(string Name, bool IsInt)> _constants = new();

    /// <summary>The variables of the loops around the statement being written, outermost first.</summary>
    private readonly List<string> _loopIndices = new();
    private int _indent;
    private int _locals;

    /// <summary>
    /// Choices of spelling only (named arguments), drawn apart from <see cref="_random"/> so that a new spelling
    /// leaves every seed's methods as they were and only changes how some calls are written.
    /// </summary>
    private readonly Random _spelling;

    public MethodGenerator(Random random)
    {
        _random = random;
        _spelling = FuzzSettings.Stream(SpellingStream);
    }

    private const int SpellingStream = 41;

    public FuzzMethod Next(string name)
    {
        _text.Clear();
        _doubles.Clear();
        _bools.Clear();
        _constants.Clear();
        _loopIndices.Clear();
        _locals = 0;
        _indent = 1;

        var arity = _random.Next(1, ParameterNames.Length + 1);
        var names = _spelling.NextDouble() < 0.1 ? ClashingNames[_spelling.Next(ClashingNames.Length)] : ParameterNames;
        _doubles.AddRange(names.Take(arity));
        var signature = "public static double " + name + "(" + string.Join(", ", names.Take(arity).Select(p => "double " + p)) + ")";

        // Every mode, so that forward mode, reverse over reverse and reverse over forward can be checked against each other.
        Line("[Differentiable(Modes = DerivativeModes.All)]");
        if (Chance(0.25))
        {
            Line(signature + " => " + Expression(0) + ";");
        }
        else
        {
            Line(signature);
            Line("{");
            _indent++;
            if (!Block(0))
            {
                Line("return " + Expression(0) + ";");
            }

            _indent--;
            Line("}");
        }

        return new FuzzMethod(name, arity, _text.ToString());
    }

    /// <summary>Writes up to a few statements; true when the last one always returns (nothing may follow it).</summary>
    private bool Block(int nesting)
    {
        var count = _random.Next(0, nesting == 0 ? 6 : 4);
        for (var i = 0; i < count; i++)
        {
            if (Statement(nesting))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes one statement; true when it always returns.</summary>
    private bool Statement(int nesting)
    {
        var roll = _random.NextDouble();
        var nested = nesting < MaxStatementNesting;
        switch (roll)
        {
            case < 0.17:
                DeclareDouble();
                return false;
            case < 0.22 when nesting == 0:
                Loop();
                return false;
            case < 0.22:
                DeclareDouble();
                return false;
            case < 0.28:
                DeclareConstant();
                return false;
            case < 0.35:
                var name = NewLocal("b");
                Line((Chance(0.5) ? "bool " : "var ") + name + " = " + Condition(0) + ";");
                _bools.Add(name);
                return false;
            case < 0.55:
                Assign();
                return false;
            case < 0.58 when _bools.Count > 0:
                Line(Pick(_bools) + " = " + Condition(0) + ";");
                return false;
            case < 0.75 when nested:
                return If(nesting);
            case < 0.80 when nested:
                return DeclareThenAssignInBothBranches(nesting);
            case < 0.86:
                // An early return: `if (c) return e;`, possibly with statements before it.
                Line("if (" + Condition(0) + ")");
                if (Chance(0.4) || !nested)
                {
                    _indent++;
                    Line("return " + Expression(0) + ";");
                    _indent--;
                }
                else
                {
                    Braced(() =>
                    {
                        if (!Block(nesting + 1))
                        {
                            Line("return " + Expression(0) + ";");
                        }

                        return true;
                    });
                }

                return false;
            case < 0.89 when nested:
                return Braced(() => Block(nesting + 1));
            case < 0.95 when nesting > 0:
                Line("return " + Expression(0) + ";");
                return true;
            default:
                DeclareDouble();
                return false;
        }
    }

    /// <summary>
    /// A top-level <c>for</c> loop over an int bound whose body updates doubles declared before it (carried
    /// values) and may declare its own; the loop variable can be read as an int in its expressions. Its
    /// body may hold loops of its own, up to three levels, whose bound may be an enclosing loop's index
    /// (a triangle), so that inner-loop records, their second level and shared records are exercised.
    /// </summary>
    private void Loop(int depth = 0)
    {
        var index = NewLocal("i");
        var start = _random.Next(0, 2);
        var bound = start + _random.Next(1, 5);
        var end = depth > 0 && Chance(0.3) ? Pick(_loopIndices) + " + " + bound : bound.ToString(CultureInfo.InvariantCulture);
        Line("for (int " + index + " = " + start + "; " + index + (Chance(0.3) ? " <= " + end + " - 1" : " < " + end) + "; " + index + (Chance(0.8) ? "++" : " += 1") + ")");
        Braced(() =>
        {
            _loopIndices.Add(index);
            var count = _random.Next(1, 4);
            for (var k = 0; k < count; k++)
            {
                if (depth < 2 && Chance(0.25))
                {
                    Loop(depth + 1);
                }
                else if (Chance(0.3))
                {
                    DeclareDouble();
                }
                else
                {
                    Assign();
                }
            }

            _loopIndices.Remove(index);
            return false;
        });
    }

    private void DeclareDouble()
    {
        var value = Expression(0);
        var name = NewLocal("v");
        var keyword = value.IsInt || Chance(0.5) ? "double " : "var ";
        Line(keyword + name + " = " + value + ";");
        _doubles.Add(name);
    }

    private void DeclareConstant()
    {
        var name = NewLocal("c");
        if (Chance(0.5))
        {
            Line("const int " + name + " = " + Pick(IntLiterals) + ";");
            _constants.Add((name, true));
        }
        else
        {
            Line("const double " + name + " = " + Pick(DoubleLiterals) + ";");
            _constants.Add((name, false));
        }
    }

    private void Assign()
    {
        var target = Pick(_doubles);
        switch (_random.Next(6))
        {
            case 0:
                Line(target + " = " + Expression(0) + ";");
                break;
            case 1:
                Line(Pick(new[] { target + "++;", target + "--;", "++" + target + ";", "--" + target + ";" }));
                break;
            default:
                Line(target + " " + Pick(CompoundAssignments) + " " + Expression(0) + ";");
                break;
        }
    }

    private bool If(int nesting)
    {
        Line("if (" + Condition(0) + ")");
        var thenReturns = Branch(nesting);
        if (!Chance(0.5))
        {
            return false;
        }

        Line("else");
        var elseReturns = Branch(nesting);
        return thenReturns && elseReturns;
    }

    /// <summary>One branch of an if: a braced block, or sometimes a single unbraced statement.</summary>
    private bool Branch(int nesting)
    {
        if (Chance(0.2) && _doubles.Count > 0)
        {
            _indent++;
            var returns = Chance(0.3);
            if (returns)
            {
                Line("return " + Expression(0) + ";");
            }
            else
            {
                Assign();
            }

            _indent--;
            return returns;
        }

        return Braced(() => Block(nesting + 1));
    }

    /// <summary><c>double v; if (c) { ...; v = e; } else { ...; v = e; }</c>: definitely assigned after the if.</summary>
    private bool DeclareThenAssignInBothBranches(int nesting)
    {
        var name = NewLocal("v");
        Line("double " + name + ";");
        Line("if (" + Condition(0) + ")");
        var thenReturns = Braced(() => Block(nesting + 1) || AssignFinal(name));
        Line("else");
        var elseReturns = Braced(() => Block(nesting + 1) || AssignFinal(name));
        if (thenReturns && elseReturns)
        {
            return true;
        }

        _doubles.Add(name);
        return false;
    }

    private bool AssignFinal(string name)
    {
        Line(name + " = " + Expression(0) + ";");
        return false;
    }

    /// <summary>Writes <c>{ ... }</c>; variables declared inside go out of scope at the closing brace.</summary>
    private bool Braced(Func<bool> body)
    {
        var (doubles, bools, constants) = (_doubles.Count, _bools.Count, _constants.Count);
        Line("{");
        _indent++;
        var returns = body();
        _indent--;
        Line("}");
        _doubles.RemoveRange(doubles, _doubles.Count - doubles);
        _bools.RemoveRange(bools, _bools.Count - bools);
        _constants.RemoveRange(constants, _constants.Count - constants);
        return returns;
    }

    private string Condition(int depth)
    {
        var roll = _random.NextDouble();
        if (roll < 0.15 && _bools.Count > 0)
        {
            return (Chance(0.3) ? "!" : "") + Pick(_bools);
        }

        if (roll < 0.3 && depth < 2)
        {
            return "(" + Condition(depth + 1) + (Chance(0.5) ? " && " : " || ") + Condition(depth + 1) + ")";
        }

        if (roll < 0.35 && depth < 2)
        {
            return "!(" + Condition(depth + 1) + ")";
        }

        var left = Expression(2);
        var right = Expression(2);
        if (!left.HasVariable && !right.HasVariable)
        {
            left = Variable();
        }

        if (left.Text == right.Text)
        {
            // `x < x` is a compiler warning (CS1718) in the source itself.
            right = new Code("1.0", false, false, true);
        }

        return left + " " + Pick(Comparisons) + " " + right;
    }

    private Code Expression(int depth)
    {
        if (depth >= MaxExpressionDepth || Chance(0.15 + 0.2 * depth))
        {
            return Leaf();
        }

        var roll = _random.NextDouble();
        switch (roll)
        {
            case < 0.32:
                var left = Expression(depth + 1);
                var right = Expression(depth + 1);
                if (left.IsInt && right.IsInt)
                {
                    (left, right) = (IntegerConstant(left), IntegerConstant(right));
                }

                var op = Pick(new[] { "+", "-", "*", "/" });
                var text = Wrap(left) + " " + op + " " + Wrap(right);
                return new Code(text, left.IsInt && right.IsInt, left.HasVariable || right.HasVariable, false);
            case < 0.40:
                var operand = IntegerConstant(Expression(depth + 1));
                return new Code("-" + operand.Operand, operand.IsInt, operand.HasVariable, false);
            case < 0.47:
                var condition = Condition(1);
                var whenTrue = Expression(depth + 1);
                var whenFalse = Expression(depth + 1);
                if (whenTrue.IsInt && whenFalse.IsInt)
                {
                    // A ?: of two ints is an int, which SymDiff rejects (SD2001) unless it is constant.
                    whenTrue = AsDouble(whenTrue);
                }

                return new Code("(" + condition + " ? " + whenTrue + " : " + whenFalse + ")", false, true, true);
            case < 0.50:
                var cast = Expression(depth + 1);
                return new Code("(double)" + cast.Operand, false, cast.HasVariable, false);
            case < 0.78:
                return Unary(Pick(UnaryFunctions), Expression(depth + 1));
            default:
                return BinaryCall(Pick(BinaryFunctions), depth);
        }
    }

    /// <summary>An operand of a binary operator: sometimes without parentheses (C# precedence then decides).</summary>
    private string Wrap(Code code) => code.IsAtom || Chance(0.25) ? code.Text : "(" + code.Text + ")";

    private Code Unary(string function, Code argument)
    {
        argument = AsDouble(argument);
        var text = function switch
        {
            "Log" or "Log10" or "Log2" or "Sqrt" => Positive(argument),
            "Asin" or "Acos" => Unit(argument),
            _ => argument.Text,
        };

        if (function == "Sign")
        {
            // Math.Sign returns int; usually use it as a double.
            return Chance(0.5)
                ? new Code("(double)" + Call("Sign", text), false, argument.HasVariable, false)
                : new Code(Call("Sign", text), true, argument.HasVariable, true);
        }

        return new Code(Call(function, text), false, argument.HasVariable, true);
    }

    private Code BinaryCall(string function, int depth)
    {
        var a = AsDouble(Expression(depth + 1));
        var b = AsDouble(Expression(depth + 1));
        string text;
        switch (function)
        {
            case "Log":
                text = Call("Log", Positive(a), Chance(0.5) ? Pick(new[] { "2.0", "10.0", "0.5" }) : Positive(b));
                break;
            case "Pow":
                text = _random.Next(4) switch
                {
                    0 => Call("Pow", a.Text, Pick(new[] { "2", "3", "-1", "-2", "4", "0", "1", "2.0", "17" })),
                    1 => Call("Pow", Positive(a), Pick(new[] { "0.5", "1.5", "-0.5", "2.5", "1.0 / 3.0" })),
                    2 => Call("Pow", Positive(a), b.Text),
                    _ => Call("Pow", Pick(new[] { "2.0", "0.5", "10.0" }), b.Text),
                };
                break;
            default:
                text = Call(function, a.Text, b.Text);
                break;
        }

        return new Code(text, false, a.HasVariable || b.HasVariable, true);
    }

    /// <summary>
    /// A call argument typed double: an int argument would pick another overload (<c>Math.Abs(int)</c>,
    /// which SymDiff rightly rejects) or none (<c>Math.Round(2)</c> is ambiguous).
    /// </summary>
    private static Code AsDouble(Code code) => code.IsInt ? new Code("(double)" + code.Operand, false, code.HasVariable, false) : code;

    /// <summary>
    /// An operand of an int operation: only int constants stay int. SymDiff accepts an int value only
    /// as a bare <c>Math.Sign</c> call (or a constant); <c>-Math.Sign(x)</c> or
    /// <c>Math.Sign(x) + 1</c> as an operand is rejected (SD2001), and so is <c>Math.Sign(x) / 2</c> at the top of
    /// an expression (see <c>KnownGeneratorBugTests.IntegerDivisionOfSign_IsReported</c>). So an int value
    /// that reads a variable becomes a double before it is combined, and so does a <c>Math.Sign</c> of a constant:
    /// <c>2 / Math.Sign(0.5)</c> is int arithmetic on a call, which SymDiff rejects as well (SD2001; seed 99's M16).
    /// </summary>
    private static Code IntegerConstant(Code code)
        => code.IsInt && (code.HasVariable || code.Text.Contains("Sign(", System.StringComparison.Ordinal)) ? AsDouble(code) : code;

    /// <summary>An argument for Log and Sqrt: usually positive by construction.</summary>
    private string Positive(Code a) => _random.Next(5) switch
    {
        0 => "1.0 + " + a.Operand + " * " + a.Operand,
        1 => Call("Exp", a.Text),
        2 => Call("Abs", a.Text) + " + 0.5",
        3 => Call("Sqrt", "1.0 + " + a.Operand + " * " + a.Operand),
        _ => a.Text,
    };

    /// <summary>
    /// An argument for Asin and Acos: usually inside (−1, 1) by construction. Not <c>Tanh(a)</c>
    /// alone: it rounds to exactly ±1 for |a| &gt; 19, where <c>Asin′</c> is +∞ and the chain rule gives NaN.
    /// </summary>
    private string Unit(Code a) => _random.Next(4) switch
    {
        0 => "0.5 * " + Call("Tanh", a.Text),
        1 => Call("Sin", a.Text),
        2 => a.Operand + " / (1.0 + " + Call("Abs", a.Text) + ")",
        _ => a.Text,
    };

    private string Call(string function, params string[] arguments)
    {
        var holder = Chance(0.15) ? "double." : "Math.";
        if (arguments.Length == 2 && MathParameters.TryGetValue(function, out var names) && _spelling.NextDouble() < 0.1)
        {
            // Named, in the other order: each argument is read as its parameter.
            return "Math." + function + "(" + names[1] + ": " + arguments[1] + ", " + names[0] + ": " + arguments[0] + ")";
        }

        return holder + function + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>The parameters of Math's two-argument functions, in order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MathParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Atan2"] = new[] { "y", "x" },
        ["Pow"] = new[] { "x", "y" },
        ["Log"] = new[] { "a", "newBase" },
        ["Max"] = new[] { "val1", "val2" },
        ["Min"] = new[] { "val1", "val2" },
    };

    private Code Leaf()
    {
        if (_loopIndices.Count > 0 && Chance(0.15))
        {
            return new Code(Pick(_loopIndices), true, true, true);
        }

        var roll = _random.NextDouble();
        if (roll < 0.6)
        {
            return Variable();
        }

        if (roll < 0.85)
        {
            var isInt = Chance(0.3);
            return new Code(Pick(isInt ? IntLiterals : DoubleLiterals), isInt, false, true);
        }

        if (_constants.Count > 0 && Chance(0.7))
        {
            var (name, isInt) = _constants[_random.Next(_constants.Count)];
            return new Code(name, isInt, false, true);
        }

        return new Code(Pick(new[] { "Math.PI", "Math.E", "double.Pi" }), false, false, true);
    }

    private Code Variable() => new(Pick(_doubles), false, true, true);

    private string NewLocal(string prefix) => prefix + _locals++.ToString(CultureInfo.InvariantCulture);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Line(string line) => _text.Append(' ', 4 * _indent).Append(line).Append('\n');
}
