namespace SymDiff.Layers;

/// <summary>What the model format needs to know of an <see cref="Activation{TFunction}"/> without knowing its type argument.</summary>
internal interface IActivationLayer
{
    /// <summary>The function's name, e.g. <c>Relu</c>.</summary>
    string Function { get; }
}
