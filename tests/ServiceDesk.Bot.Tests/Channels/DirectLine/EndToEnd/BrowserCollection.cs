namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>Browser tests run one at a time: each starts chromium (and often the service), heavy on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
