namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>What one pruning pass deleted.</summary>
public sealed record PruneResult(int ProcessedMessages, int SentOutbox, int WebTranscripts)
{
    public int Total => ProcessedMessages + SentOutbox + WebTranscripts;
}
