namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>What one pruning pass deleted.</summary>
public sealed record PruneResult(int ProcessedMessages, int SentOutbox, int WebTranscripts, int ChannelState = 0)
{
    public int Total => ProcessedMessages + SentOutbox + WebTranscripts + ChannelState;
}
