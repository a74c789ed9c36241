namespace ServiceDesk.Core.Knowledge;

/// <summary>Settings of section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Folder of Markdown articles imported on first start when the store has none.</summary>
    public string Folder { get; set; } = "deploy/kb";

    /// <summary>How many suggestions the bot shows.</summary>
    public int SuggestTop { get; set; } = 3;

    /// <summary>File for the derived search index; empty keeps it in memory.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How often the store is polled for changes made by other replicas.</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>Import <see cref="Folder"/> at start when the store has no articles.</summary>
    public bool SeedOnStart { get; set; } = true;
}
