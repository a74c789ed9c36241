namespace ServiceDesk.Core.Knowledge.Transfer;

public sealed record KnowledgeImportReport(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<ArticleFileResult> Rejected)
{
    public string Summary => $"{Added.Count} added, {Updated.Count} updated, {Unchanged.Count} unchanged, {Rejected.Count} rejected";
}
