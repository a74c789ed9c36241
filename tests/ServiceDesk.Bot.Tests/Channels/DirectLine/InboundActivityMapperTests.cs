using System.Text.Json.Nodes;
using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class InboundActivityMapperTests
{
    [Fact]
    public void Map_when_adaptive_card_submits_object_without_action_passes_its_json()
    {
        var activity = JsonNode.Parse("""{"type":"message","value":{"choice":"yes","buildId":"77"}}""")!.AsObject();

        var message = InboundActivityMapper.Map(activity, "alice", true, "alice", null, "alice|0000001");

        Assert.Equal("""{"choice":"yes","buildId":"77"}""", message.Action);
        Assert.Null(message.Text);
    }

    [Fact]
    public void Map_when_message_back_carries_label_and_value_passes_only_the_action()
    {
        var activity = JsonNode.Parse("""{"type":"message","text":"not that","value":{"action":"kb-no KB-3"}}""")!.AsObject();

        var message = InboundActivityMapper.Map(activity, "alice", true, "alice", null, "id");

        Assert.Equal("kb-no KB-3", message.Action);
        Assert.Null(message.Text);
    }

    [Fact]
    public void Map_when_attachments_have_urls_keeps_references()
    {
        var activity = JsonNode.Parse("""{"type":"message","attachments":[{"contentType":"image/png","contentUrl":"https://x/y.png","name":"y.png"},{"contentType":"text/html","content":"<p/>"}]}""")!.AsObject();

        var message = InboundActivityMapper.Map(activity, "alice", true, "alice", null, "id");

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("https://x/y.png", attachment.FileId);
        Assert.Equal("y.png", attachment.FileName);
    }

    [Fact]
    public void Map_when_a_client_reposts_the_same_clientActivityID_gives_the_same_dedupe_key()
    {
        var first = JsonNode.Parse("""{"type":"message","text":"vpn is down","channelData":{"clientActivityID":"1732-abc"}}""")!.AsObject();
        var retry = JsonNode.Parse("""{"type":"message","text":"vpn is down","channelData":{"clientActivityID":"1732-abc"}}""")!.AsObject();
        var plain = JsonNode.Parse("""{"type":"message","text":"vpn is down"}""")!.AsObject();

        var a = InboundActivityMapper.Map(first, "alice", true, "alice", null, "alice|0000001");
        var b = InboundActivityMapper.Map(retry, "alice", true, "alice", null, "alice|0000002");
        var c = InboundActivityMapper.Map(plain, "alice", true, "alice", null, "alice|0000003");
        var other = InboundActivityMapper.Map(first, "bob", true, "bob", null, "bob|0000001");

        Assert.Equal(a.MessageId, b.MessageId);
        Assert.Equal("alice|0000003", c.MessageId);
        Assert.NotEqual(a.MessageId, other.MessageId);
    }
}
