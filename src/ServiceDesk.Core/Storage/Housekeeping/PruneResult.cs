namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>What one pruning pass deleted, and how many closed tickets it anonymised.</summary>
public sealed record PruneResult(int ProcessedMessages, int SentOutbox, int WebTranscripts, int ChannelState = 0, int AnonymisedTickets = 0)
{
    public int Total => ProcessedMessages + SentOutbox + WebTranscripts + ChannelState + AnonymisedTickets;
}
