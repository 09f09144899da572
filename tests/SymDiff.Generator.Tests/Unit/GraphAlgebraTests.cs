using SymDiff.Generator.Differentiation;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>Each simplification rule, on a bare graph.</summary>
public sealed class GraphAlgebraTests
{
    private readonly GraphAlgebra _g = new(new ExprGraph());

    private int X => _g.Parameter(0);

    private int Y => _g.Parameter(1);

    private Operation Op(int id) => _g.Graph[id].Operation;

    [Fact]
    public void SameExpressionTwice_IsOneNode()
        => Assert.Equal(_g.Add(_g.Multiply(X, Y), X), _g.Add(_g.Multiply(X, Y), X));

    [Fact]
    public void CommutedOperands_FindTheExistingNode()
    {
        var xy = _g.Multiply(X, Y);
        Assert.Equal(xy, _g.Multiply(Y, X));
        var sum = _g.Add(X, Y);
        Assert.Equal(sum, _g.Add(Y, X));
    }

    [Fact]
    public void Constants_AreFoldedByExactOperations()
    {
        Assert.True(_g.Graph.IsConstant(_g.Add(_g.Constant(2), _g.Constant(3)), 5.0));
        Assert.True(_g.Graph.IsConstant(_g.Divide(_g.Constant(1), _g.Constant(4)), 0.25));
        Assert.True(_g.Graph.IsConstant(_g.Function(Operation.Sqrt, _g.Constant(9)), 3.0));
        Assert.True(_g.Graph.IsConstant(_g.Function(Operation.Floor, _g.Constant(-1.5)), -2.0));
    }

    [Fact]
    public void Transcendentals_AreNotFolded()
    {
        // Their last bit differs between platforms; folding them would make output machine-dependent.
        Assert.Equal(Operation.Sin, Op(_g.Function(Operation.Sin, _g.Constant(1))));
        Assert.Equal(Operation.Log, Op(_g.Function(Operation.Log, _g.Constant(2))));
    }

    [Fact]
    public void Identities_AreRemoved()
    {
        Assert.Equal(X, _g.Multiply(X, _g.One));
        Assert.Equal(X, _g.Multiply(_g.One, X));
        Assert.Equal(X, _g.Divide(X, _g.One));
        Assert.Equal(X, _g.Add(X, _g.Constant(-0.0)));
        Assert.Equal(X, _g.Subtract(X, _g.Zero));
        Assert.Equal(_g.Negate(X), _g.Subtract(_g.Constant(-0.0), X));
        Assert.Equal(X, _g.Negate(_g.Negate(X)));
        Assert.Equal(_g.Negate(X), _g.Multiply(_g.Constant(-1), X));
    }

    /// <summary>
    /// Rules that would change the sign of a zero are not applied to values: x + 0 is +0 at x = −0, 0 − x is +0 at
    /// x = +0, and −(a − b) is −0 at a = b, and Atan2 or 1/y turn that sign into a wrong value (seed 4242's M913:
    /// x·Atan2(−(1 − x/x), y) returned +π·x for −π·x).
    /// </summary>
    [Fact]
    public void SignOfZeroChangingRules_AreNotAppliedToValues()
    {
        Assert.Equal(Operation.Add, Op(_g.Add(X, _g.Zero)));
        Assert.Equal(Operation.Add, Op(_g.Add(_g.Zero, X)));
        Assert.Equal(Operation.Subtract, Op(_g.Subtract(_g.Zero, X)));
        Assert.Equal(X, _g.Subtract(X, _g.Zero));
        Assert.Equal(Operation.Subtract, Op(_g.Subtract(X, _g.Constant(-0.0))));
        Assert.Equal(Operation.Negate, Op(_g.Negate(_g.Subtract(X, Y))));
    }

    [Fact]
    public void TimesZero_IsNotFoldedInValues()
    {
        // NaN·0 and ∞·0 are NaN: x·0 → 0 would change the value for those inputs.
        Assert.Equal(Operation.Multiply, Op(_g.Multiply(X, _g.Zero)));
    }

    [Fact]
    public void SumOfEqualTerms_BecomesTwice()
    {
        var sum = _g.Add(X, X);
        Assert.Equal(Operation.Multiply, Op(sum));
        Assert.True(_g.Graph.IsConstant(_g.Graph[sum].Operand0, 2.0));
    }

    [Fact]
    public void Negations_MoveOutward()
    {
        Assert.Equal(_g.Subtract(X, Y), _g.Add(X, _g.Negate(Y)));
        Assert.Equal(_g.Add(X, Y), _g.Subtract(X, _g.Negate(Y)));
        Assert.Equal(_g.Multiply(X, Y), _g.Multiply(_g.Negate(X), _g.Negate(Y)));
        Assert.Equal(_g.Negate(_g.Divide(X, Y)), _g.Divide(_g.Negate(X), Y));
    }

    [Theory]
    [InlineData(0, nameof(Operation.Constant))]
    [InlineData(1, nameof(Operation.Parameter))]
    [InlineData(2, nameof(Operation.Pow))]
    [InlineData(-2, nameof(Operation.Pow))]
    [InlineData(0.5, nameof(Operation.Pow))]
    public void ConstantExponent_ZeroAndOneVanish(double exponent, string expected)
        => Assert.Equal(expected, Op(_g.Pow(X, _g.Constant(exponent))).ToString());

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(-2, true)]
    [InlineData(16, true)]
    [InlineData(17, false)]
    [InlineData(0.5, false)]
    public void IntegerExponentsUpTo16_AreEmittedAsMultiplication(double exponent, bool multiplied)
        => Assert.Equal(multiplied, _g.IsIntegerPower(_g.Pow(X, _g.Constant(exponent)), out _, out _));

    [Fact]
    public void RepeatedFactor_BecomesAPower()
    {
        var square = _g.Multiply(X, X);
        Assert.Equal(_g.Pow(X, _g.Constant(2)), square);
        Assert.Equal(_g.Pow(X, _g.Constant(3)), _g.Multiply(square, X));
        Assert.Equal(_g.Pow(X, _g.Constant(3)), _g.Multiply(X, square));
    }

    [Fact]
    public void ConstantPower_IsFoldedByMultiplication()
        => Assert.True(_g.Graph.IsConstant(_g.Pow(_g.Constant(-2), _g.Constant(3)), -8.0));

    [Fact]
    public void Select_WithKnownConditionOrEqualBranches_Disappears()
    {
        Assert.Equal(X, _g.Select(_g.Boolean(true), X, Y));
        Assert.Equal(Y, _g.Select(_g.Boolean(false), X, Y));
        var c = _g.Compare(Operation.Greater, X, Y);
        Assert.Equal(X, _g.Select(c, X, X));
        Assert.Equal(_g.Select(c, Y, X), _g.Select(_g.Not(c), X, Y));
    }

    [Fact]
    public void Scale_ByZero_IsSymbolicZeroEvenForNaN()
    {
        Assert.Equal(_g.Zero, _g.Scale(_g.Constant(double.NaN), _g.Zero));
        Assert.Equal(_g.Zero, _g.Scale(_g.Zero, _g.Function(Operation.Log, X)));
    }

    [Fact]
    public void Scale_PushesIntoConditionalBranches()
    {
        var c = _g.Compare(Operation.Greater, X, _g.Zero);
        var scaled = _g.Scale(_g.Select(c, Y, _g.Zero), _g.Function(Operation.Log, X));
        var node = _g.Graph[scaled];
        Assert.Equal(Operation.Select, node.Operation);
        Assert.Equal(Operation.Multiply, Op(node.Operand1));
        Assert.True(_g.IsZero(node.Operand2));
    }

    [Fact]
    public void Accumulate_MergesConditionalsOnTheSameCondition()
    {
        var c = _g.Compare(Operation.Less, X, Y);
        var sum = _g.Accumulate(_g.Select(c, X, _g.Zero), _g.Select(c, _g.Zero, Y));
        Assert.Equal(_g.Select(c, X, Y), sum);
    }

    [Fact]
    public void Accumulate_CollectsLikeTerms()
    {
        var xy = _g.Multiply(X, Y);
        var sum = _g.Accumulate(_g.Accumulate(xy, xy), xy);
        Assert.Equal(_g.Multiply(_g.Constant(3), xy), sum);
    }

    [Fact]
    public void Scale_PowerOfTwoFactor_MovesIntoTheOtherCoefficient()
    {
        // (−200·x)·(2·y) → (−400·x)·y, whichever side the power of two is on.
        var expected = _g.Multiply(_g.Multiply(_g.Constant(-400), X), Y);
        Assert.Equal(expected, _g.Scale(_g.Multiply(_g.Constant(-200), X), _g.Multiply(_g.Constant(2), Y)));
        Assert.Equal(expected, _g.Scale(_g.Multiply(_g.Constant(2), Y), _g.Multiply(_g.Constant(-200), X)));
        Assert.Equal(
            _g.Multiply(_g.Multiply(_g.Constant(-0.75), X), Y),
            _g.Scale(_g.Multiply(_g.Constant(3), X), _g.Multiply(_g.Constant(-0.25), Y)));
    }

    [Fact]
    public void Scale_NoPowerOfTwoFactor_KeepsBothProducts()
    {
        // (3·x)·(5·y) as 15·x·y would round differently: both products stay.
        var product = _g.Scale(_g.Multiply(_g.Constant(3), X), _g.Multiply(_g.Constant(5), Y));
        Assert.Equal(_g.Multiply(_g.Multiply(_g.Constant(3), X), _g.Multiply(_g.Constant(5), Y)), product);
    }

    [Fact]
    public void Scale_PowerOfTwoLeavingTheNormalRange_IsNotFolded()
    {
        var tiny = _g.Multiply(_g.Constant(double.Epsilon), X);
        var huge = _g.Multiply(_g.Constant(System.Math.ScaleB(1.0, 1000)), Y);
        Assert.Equal(_g.Multiply(tiny, _g.Multiply(_g.Constant(2), Y)), _g.Scale(tiny, _g.Multiply(_g.Constant(2), Y)));
        Assert.Equal(_g.Multiply(_g.Multiply(_g.Constant(System.Math.ScaleB(1.0, 100)), X), huge), _g.Scale(_g.Multiply(_g.Constant(System.Math.ScaleB(1.0, 100)), X), huge));
    }

    [Fact]
    public void Accumulate_CollectsTheProductRulesTermsOfAHalvedSquare()
    {
        // d(−½·l·l)/dl·a as the product rule makes it: −(a·(½·l)) − (a·l)·½, which is −(a·l).
        var a = X;
        var l = Y;
        var first = _g.Negate(_g.Multiply(a, _g.Multiply(_g.Constant(0.5), l)));
        var second = _g.Negate(_g.Multiply(_g.Multiply(a, l), _g.Constant(0.5)));
        Assert.Equal(_g.Negate(_g.Multiply(a, l)), _g.Accumulate(first, second));
        Assert.Equal(_g.Multiply(_g.Constant(4), _g.Multiply(a, l)), _g.Accumulate(_g.Multiply(_g.Constant(2), _g.Multiply(l, a)), _g.Multiply(_g.Multiply(_g.Constant(2), a), l)));
    }

    [Fact]
    public void Accumulate_LeavesProductsWhoseFactorsAreNotPowersOfTwo()
    {
        // 3·(x·y) + x·(3·y) would round differently as 6·(x·y); and ½·(x·y) − ½·(x·y) is not folded to a zero.
        var three = _g.Accumulate(_g.Multiply(_g.Constant(3), _g.Multiply(X, Y)), _g.Multiply(X, _g.Multiply(_g.Constant(3), Y)));
        Assert.Equal(Operation.Add, Op(three));
        var cancelled = _g.Accumulate(_g.Multiply(X, _g.Multiply(_g.Constant(0.5), Y)), _g.Negate(_g.Multiply(_g.Multiply(X, Y), _g.Constant(0.5))));
        Assert.Equal(Operation.Subtract, Op(cancelled));
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.5, -0.5)]
    [InlineData(2.0, -0.25)]
    public void CollectedPowerOfTwoTerms_AreBitExactInTheNormalRange(double k1, double k2)
    {
        var random = new System.Random(7);
        for (var i = 0; i < 100_000; i++)
        {
            var u = (random.NextDouble() - 0.5) * System.Math.Pow(10, random.Next(-30, 30));
            var v = (random.NextDouble() - 0.5) * System.Math.Pow(10, random.Next(-30, 30));
            var written = (u * (k1 * v)) + ((u * v) * k2);
            var collected = (k1 + k2) * (u * v);
            Assert.Equal(System.BitConverter.DoubleToInt64Bits(written), System.BitConverter.DoubleToInt64Bits(collected));
        }
    }

    [Theory]
    [InlineData(-200.0, 2.0)]
    [InlineData(0.1, 0.5)]
    [InlineData(3.0, -4.0)]
    public void PowerOfTwoFold_IsBitExactInTheNormalRange(double c, double power)
    {
        var random = new System.Random(5);
        for (var i = 0; i < 100_000; i++)
        {
            var u = (random.NextDouble() - 0.5) * System.Math.Pow(10, random.Next(-30, 30));
            var v = (random.NextDouble() - 0.5) * System.Math.Pow(10, random.Next(-30, 30));
            var written = (c * u) * (power * v);
            var folded = (c * power * u) * v;
            Assert.Equal(System.BitConverter.DoubleToInt64Bits(written), System.BitConverter.DoubleToInt64Bits(folded));
        }
    }
}
