using System.Globalization;

namespace SymDiff.Tests.Infrastructure;

/// <summary>
/// Evaluates a printed formula (<c>σ(z)·(1 - σ(z))·x0</c>, <c>x > 0 ? 2 / x³ : 1</c>) at given
/// parameter values, reading it the way a textbook reader does: powers bind tightest, then unary
/// minus, then · and / from the left, then + and -, comparisons, ∧, ∨ and ?:. Anything it does not
/// know (calls of user functions, elements, loops) throws <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FormulaEvaluator
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private readonly string _text;
    private readonly IReadOnlyDictionary<string, double> _values;
    private int _position;

    private FormulaEvaluator(string text, IReadOnlyDictionary<string, double> values)
    {
        _text = text;
        _values = values;
    }

    public static double Evaluate(string formula, IReadOnlyDictionary<string, double> values)
    {
        var evaluator = new FormulaEvaluator(formula, values);
        var value = evaluator.Select();
        evaluator.SkipSpaces();
        return evaluator._position == formula.Length ? value : throw evaluator.Unexpected();
    }

    private double Select()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Select();
        Expect(":");
        var whenFalse = Select();
        return condition != 0 ? whenTrue : whenFalse;
    }

    private double Or()
    {
        var value = And();
        while (Accept("∨"))
        {
            var right = And();
            value = value != 0 || right != 0 ? 1 : 0;
        }

        return value;
    }

    private double And()
    {
        var value = Comparison();
        while (Accept("∧"))
        {
            var right = Comparison();
            value = value != 0 && right != 0 ? 1 : 0;
        }

        return value;
    }

    private double Comparison()
    {
        var left = Sum();
        foreach (var op in new[] { "≤", "≥", "≠", "<", ">", "=" })
        {
            if (Accept(op))
            {
                var right = Sum();
                var holds = op switch
                {
                    "≤" => left <= right,
                    "≥" => left >= right,
                    "≠" => left != right,
                    "<" => left < right,
                    ">" => left > right,
                    _ => left == right,
                };
                return holds ? 1 : 0;
            }
        }

        return left;
    }

    private double Sum()
    {
        var value = Product();
        while (true)
        {
            if (Accept("+"))
            {
                value += Product();
            }
            else if (Accept("-"))
            {
                value -= Product();
            }
            else
            {
                return value;
            }
        }
    }

    private double Product()
    {
        var value = Unary();
        while (true)
        {
            if (Accept("·"))
            {
                value *= Unary();
            }
            else if (Accept("/"))
            {
                value /= Unary();
            }
            else
            {
                return value;
            }
        }
    }

    private double Unary()
    {
        if (Accept("-"))
        {
            return -Unary();
        }

        return Accept("¬") ? (Unary() == 0 ? 1 : 0) : Power();
    }

    private double Power()
    {
        var value = Atom();
        var start = _position;
        while (_position < _text.Length && Superscripts.Contains(_text[_position]))
        {
            _position++;
        }

        if (_position == start)
        {
            return value;
        }

        var digits = new string(_text[start.._position].Select(c => (char)('0' + Superscripts.IndexOf(c))).ToArray());
        return Math.Pow(value, int.Parse(digits, CultureInfo.InvariantCulture));
    }

    private double Atom()
    {
        SkipSpaces();
        if (Accept("("))
        {
            var inner = Select();
            Expect(")");
            return inner;
        }

        if (Accept("∞"))
        {
            return double.PositiveInfinity;
        }

        if (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] == '.'))
        {
            return Number();
        }

        if (_position < _text.Length && _text[_position] == '∂')
        {
            throw new NotSupportedException("a call's partial derivative in " + _text);
        }

        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_' || _text[_position] == 'σ'))
        {
            _position++;
        }

        var name = _text[start.._position];
        if (name.Length == 0)
        {
            throw Unexpected();
        }

        if (_position < _text.Length && _text[_position] == '(')
        {
            _position++;
            var arguments = new List<double> { Select() };
            while (Accept(","))
            {
                arguments.Add(Select());
            }

            Expect(")");
            return Call(name, arguments);
        }

        if (_position < _text.Length && _text[_position] == '[')
        {
            throw new NotSupportedException("an element in " + _text);
        }

        return name switch
        {
            "NaN" => double.NaN,
            "true" => 1,
            "false" => 0,
            _ when _values.TryGetValue(name, out var value) => value,
            _ => throw new NotSupportedException("unknown name '" + name + "' in " + _text),
        };
    }

    private double Number()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'E' || _text[_position] is '-' or '+' && _text[_position - 1] == 'E'))
        {
            _position++;
        }

        return double.Parse(_text[start.._position], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private double Call(string name, List<double> a) => (name, a.Count) switch
    {
        ("σ", 1) => 1 / (1 + Math.Exp(-a[0])),
        ("sin", 1) => Math.Sin(a[0]),
        ("cos", 1) => Math.Cos(a[0]),
        ("tan", 1) => Math.Tan(a[0]),
        ("asin", 1) => Math.Asin(a[0]),
        ("acos", 1) => Math.Acos(a[0]),
        ("atan", 1) => Math.Atan(a[0]),
        ("atan2", 2) => Math.Atan2(a[0], a[1]),
        ("sinh", 1) => Math.Sinh(a[0]),
        ("cosh", 1) => Math.Cosh(a[0]),
        ("tanh", 1) => Math.Tanh(a[0]),
        ("exp", 1) => Math.Exp(a[0]),
        ("ln", 1) => Math.Log(a[0]),
        ("log", 2) => Math.Log(a[0], a[1]),
        ("log10", 1) => Math.Log10(a[0]),
        ("log2", 1) => Math.Log2(a[0]),
        ("sqrt", 1) => Math.Sqrt(a[0]),
        ("cbrt", 1) => Math.Cbrt(a[0]),
        ("pow", 2) => Math.Pow(a[0], a[1]),
        ("abs", 1) => Math.Abs(a[0]),
        ("max", 2) => Math.Max(a[0], a[1]),
        ("min", 2) => Math.Min(a[0], a[1]),
        ("sign", 1) => double.IsNaN(a[0]) ? double.NaN : Math.Sign(a[0]),
        ("floor", 1) => Math.Floor(a[0]),
        ("ceiling", 1) => Math.Ceiling(a[0]),
        ("round", 1) => Math.Round(a[0]),
        ("sg", 1) => a[0],
        _ => throw new NotSupportedException("unknown function '" + name + "' in " + _text),
    };

    private bool Accept(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Unexpected();
        }
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private FormatException Unexpected() => new("cannot read '" + _text + "' at " + _position);
}
