namespace SymDiff.Training;

/// <summary>The fields of a model file read before anything else: which format and version it is.</summary>
internal sealed class SavedModelHeader
{
    /// <summary>The <c>format</c> field, <see cref="ModelFile.FormatName"/>.</summary>
    public string? Format { get; init; }

    /// <summary>The <c>version</c> field.</summary>
    public int? Version { get; init; }
}
