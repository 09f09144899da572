namespace SymDiff.Training;

/// <summary>
/// One layer as JSON holds it: the fields of every layer type, those a type does not use left out
/// (null). The declaration order is the order written.
/// </summary>
internal sealed class SavedLayer
{
    /// <summary><c>Dense</c>, <c>Activation</c> or <c>Softmax</c>.</summary>
    public string? Type { get; init; }

    /// <summary>An activation layer's function, e.g. <c>Relu</c>.</summary>
    public string? Function { get; init; }

    /// <summary>An activation or softmax layer's width.</summary>
    public int? Size { get; init; }

    /// <summary>A dense layer's input width.</summary>
    public int? Inputs { get; init; }

    /// <summary>A dense layer's output width.</summary>
    public int? Outputs { get; init; }

    /// <summary>A dense layer's activation function (version 2), or null for none.</summary>
    public string? Activation { get; init; }

    /// <summary>A dense layer's weights, <c>inputs × outputs</c> row-major.</summary>
    public double[]? Weights { get; init; }

    /// <summary>A dense layer's biases.</summary>
    public double[]? Biases { get; init; }
}
