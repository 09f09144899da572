namespace SymDiff.Generator.Model;

/// <summary>How a parameter takes part in differentiation.</summary>
internal enum ParameterKind
{
    /// <summary>A <c>double</c>: gets an <c>out double</c> partial.</summary>
    Scalar,

    /// <summary><c>ReadOnlySpan&lt;double&gt;</c>, <c>Span&lt;double&gt;</c> or <c>double[]</c>: gets a <c>Span&lt;double&gt;</c> gradient buffer.</summary>
    Vector,

    /// <summary>A <c>Span&lt;double&gt;</c> or <c>double[]</c> the method writes its results into (<c>y[i] = ...</c>).</summary>
    Output,

    /// <summary>An <c>int</c> (a size, an index): not differentiated.</summary>
    Integer,
}
