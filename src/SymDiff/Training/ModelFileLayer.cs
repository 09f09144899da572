namespace SymDiff.Training;

/// <summary>One layer as <see cref="ModelFile"/> read it from a file and checked it, before it is built.</summary>
/// <param name="Type">The <c>type</c> field: <c>Dense</c>, <c>Activation</c> or <c>Softmax</c>.</param>
/// <param name="Description">The layer's <see cref="Layers.ILayer.Name"/>, e.g. <c>Dense(64, 10)</c> or <c>Dense(64, 64, Relu)</c>.</param>
/// <param name="Function">The activation function's name, of an activation layer or a dense layer with one.</param>
/// <param name="Inputs">The input width.</param>
/// <param name="Weights">A dense layer's weights, row-major (empty otherwise).</param>
/// <param name="Biases">A dense layer's biases (empty otherwise).</param>
internal sealed record ModelFileLayer(string Type, string Description, string? Function, int Inputs, double[] Weights, double[] Biases);
