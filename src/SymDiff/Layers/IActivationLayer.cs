using SymDiff.Functions;

namespace SymDiff.Layers;

/// <summary>What the model format needs to know of an <see cref="Activation{TFunction}"/> without knowing its type argument.</summary>
internal interface IActivationLayer
{
    /// <summary>The function applied.</summary>
    ActivationFunction Function { get; }
}
