namespace ServiceDesk.Core.Storage;

/// <summary>A backup written: where, how big, what it holds, and SQLite's quick_check of it ("ok" when sound).</summary>
public sealed record StoreBackupResult(string File, long Bytes, int Tickets, int KnowledgeArticles, string Check)
{
    public bool IsSound => Check == "ok";
}
