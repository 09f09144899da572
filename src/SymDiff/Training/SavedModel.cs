using System.Collections.Generic;

namespace SymDiff.Training;

/// <summary>A model file as JSON holds it (<c>docs/model-format.md</c>); nothing is checked yet.</summary>
internal sealed class SavedModel
{
    /// <summary>The <c>format</c> field, <see cref="ModelFile.FormatName"/>.</summary>
    public string? Format { get; init; }

    /// <summary>The <c>version</c> field.</summary>
    public int? Version { get; init; }

    /// <summary>The layers, input side first.</summary>
    public List<SavedLayer?>? Layers { get; init; }
}
