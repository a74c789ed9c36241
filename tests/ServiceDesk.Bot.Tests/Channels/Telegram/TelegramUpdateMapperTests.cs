using System.Text.Json;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private const string Bot = "helper_test_bot";

    private static MappedUpdate Map(string json, string? bot = Bot)
    {
        Assert.True(TelegramUpdateReader.TryRead(JsonDocument.Parse(json).RootElement, out var update, out var error), error);
        return TelegramUpdateMapper.Map(update!, bot);
    }

    [Fact]
    public void Map_when_private_start_with_deep_link_keeps_command_args_and_locale()
    {
        var m = Map(TelegramSamples.PrivateStart).Message!;

        Assert.Equal("/start ref_abc", m.Text);
        Assert.Equal("en", m.Locale);
        Assert.Equal("telegram", m.Channel);
        Assert.Equal("123456789", m.ConversationId);
        Assert.Equal("123456789", m.SenderId);
        Assert.Equal("update:815334001", m.MessageId);
        Assert.Equal("Ada Lovelace", m.SenderName);
        Assert.True(m.IsPrivate);
        Assert.Null(m.ThreadId);
    }

    [Fact]
    public void Map_when_group_command_has_our_suffix_strips_it_and_threads_on_the_replied_message()
    {
        var m = Map(TelegramSamples.SupergroupCommandWithSuffix).Message!;

        Assert.Equal("/status build 77", m.Text);
        Assert.Equal("-1001234567890", m.ConversationId);
        Assert.Equal("1206", m.ThreadId);
        Assert.Equal("de", m.Locale);
        Assert.False(m.IsPrivate);
    }

    [Fact]
    public void Map_when_command_names_another_bot_ignores_it()
    {
        var mapped = Map(TelegramSamples.SupergroupCommandWithSuffix, bot: "other_bot");

        Assert.Null(mapped.Message);
        Assert.Contains("another bot", mapped.IgnoredBecause);
    }

    [Fact]
    public void Map_when_callback_query_gives_action_and_the_query_id_to_answer()
    {
        var mapped = Map(TelegramSamples.CallbackQuery);

        Assert.Equal("4382bfdwdsb323b2d9", mapped.CallbackQueryId);
        Assert.Equal("deploy:yes:77", mapped.Message!.Action);
        Assert.Null(mapped.Message.Text);
        Assert.Equal("123456789", mapped.Message.ConversationId);
        Assert.Equal("en", mapped.Message.Locale);
    }

    [Fact]
    public void Map_when_button_on_a_group_card_threads_on_the_card()
    {
        var json = TelegramSamples.CallbackQuery.Replace("\"id\":123456789,\"first_name\":\"Ada\",\"username\":\"ada_l\",\"type\":\"private\"", "\"id\":-1005,\"title\":\"L1\",\"type\":\"supergroup\"");

        var m = Map(json).Message!;

        Assert.Equal("-1005", m.ConversationId);
        Assert.Equal("43", m.ThreadId);
        Assert.False(m.IsPrivate);
    }

    [Fact]
    public void Map_when_photo_with_caption_takes_largest_size_and_caption_as_text()
    {
        var m = Map(TelegramSamples.PhotoWithCaption).Message!;

        Assert.Equal("screenshot of the error", m.Text);
        var a = Assert.Single(m.Attachments);
        Assert.Equal("AgACAgIAAxkBAAIBLGblarge", a.FileId);
        Assert.Equal(80211, a.Size);
        Assert.Equal("telegram", a.Channel);
    }

    [Fact]
    public void Map_when_document_without_text_attaches_it()
    {
        var m = Map(TelegramSamples.Document).Message!;

        Assert.Null(m.Text);
        var a = Assert.Single(m.Attachments);
        Assert.Equal(("BQACAgIAAxkBAAIBLWbdoc", "build.log", "text/plain", 5120L), (a.FileId, a.FileName, a.ContentType, a.Size!.Value));
        Assert.Null(m.Locale);
    }

    [Fact]
    public void Map_when_group_migrated_reports_the_new_chat_id()
    {
        var mapped = Map(TelegramSamples.GroupMigrated);

        Assert.Null(mapped.Message);
        Assert.Equal(new ChatMigration(-4001234567, -1001234567890), mapped.Migration);
    }

    [Fact]
    public void Map_when_message_was_edited_ignores_it_deliberately()
    {
        var mapped = Map(TelegramSamples.EditedMessage);

        Assert.Null(mapped.Message);
        Assert.Contains("edited", mapped.IgnoredBecause);
    }

    [Fact]
    public void Map_when_update_type_is_unknown_ignores_it()
    {
        var mapped = Map(TelegramSamples.UnknownType);

        Assert.Null(mapped.Message);
        Assert.Equal(815334008, mapped.UpdateId);
        Assert.NotNull(mapped.IgnoredBecause);
    }

    [Fact]
    public void Map_when_forum_topic_message_threads_on_the_topic()
    {
        var json = """
            {"update_id":9,"message":{"message_id":77,"message_thread_id":1001,"is_topic_message":true,"date":1,
              "from":{"id":5,"is_bot":false,"first_name":"Eng"},"chat":{"id":-1009,"type":"supergroup","is_forum":true},
              "reply_to_message":{"message_id":1001,"date":1,"chat":{"id":-1009,"type":"supergroup"}},"text":"rebooted it"}}
            """;

        Assert.Equal("1001", Map(json).Message!.ThreadId);
    }

    [Fact]
    public void Map_when_caption_is_huge_cuts_it_without_failing()
    {
        var json = TelegramSamples.PhotoWithCaption.Replace("screenshot of the error", new string('x', 100_000));

        var m = Map(json).Message!;

        Assert.Equal(TelegramUpdateMapper.MaxTextLength, m.Text!.Length);
        Assert.Single(m.Attachments);
    }

    [Theory]
    [InlineData("kicked", false)]
    [InlineData("member", true)]
    public void Map_when_private_user_blocks_or_unblocks_the_bot_reports_reachability(string status, bool reachable)
    {
        var json = """
            {"update_id":10,"my_chat_member":{"chat":{"id":123456789,"type":"private"},"from":{"id":123456789,"is_bot":false,"first_name":"Ada"},
             "date":1,"old_chat_member":{"status":"member","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}},
             "new_chat_member":{"status":"STATUS","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}}}}
            """.Replace("STATUS", status);

        var mapped = Map(json);

        Assert.Null(mapped.Message);
        Assert.Equal((123456789L, reachable), mapped.Reachability);
    }

    [Theory]
    [InlineData("left", "member", true)]
    [InlineData("kicked", "administrator", true)]
    [InlineData("member", "administrator", false)] // promoted, not added
    [InlineData("member", "left", false)]
    public void Map_when_the_bot_is_added_to_a_group_reports_the_group_for_the_log(string before, string after, bool added)
    {
        var json = """
            {"update_id":11,"my_chat_member":{"chat":{"id":-1001234567890,"type":"supergroup","title":"IT L1"},
             "from":{"id":42,"is_bot":false,"first_name":"Admin"},"date":1,
             "old_chat_member":{"status":"BEFORE","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}},
             "new_chat_member":{"status":"AFTER","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}}}}
            """.Replace("BEFORE", before).Replace("AFTER", after);

        var mapped = Map(json);

        Assert.Null(mapped.Message);
        Assert.Null(mapped.Reachability);
        Assert.Equal(added ? (-1001234567890L, "IT L1") : null, mapped.AddedToGroup);
    }

    [Fact]
    public void Map_when_sender_is_a_bot_ignores_it()
    {
        var json = TelegramSamples.PrivateStart.Replace("\"is_bot\":false", "\"is_bot\":true");

        Assert.Null(Map(json).Message);
    }

    [Theory]
    [InlineData("""{"update_id":"x"}""")]
    [InlineData("""{"message":{}}""")]
    [InlineData("""{"update_id":5,"message":"not an object"}""")]
    [InlineData("""[1,2]""")]
    public void Reader_when_update_is_malformed_reports_an_error_instead_of_throwing(string json)
    {
        Assert.False(TelegramUpdateReader.TryRead(JsonDocument.Parse(json).RootElement, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Reader_when_bytes_are_not_json_reports_an_error()
    {
        Assert.False(TelegramUpdateReader.TryRead("{\"update_id\":1,"u8, out _, out var error));
        Assert.Contains("malformed", error);
    }

    [Fact]
    public void Reader_when_update_has_unknown_fields_tolerates_them()
    {
        var json = TelegramSamples.PrivateStart.Replace("\"date\":1735689600", "\"date\":1735689600,\"future_field\":{\"a\":[1]}");

        Assert.Equal("/start ref_abc", Map(json).Message!.Text);
    }
}
