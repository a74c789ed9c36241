namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>The recorded sample updates of protocols.md 6.3, verbatim, plus a few made in their shape.</summary>
public static class TelegramSamples
{
    public const string PrivateStart = """
        {"update_id":815334001,
         "message":{"message_id":42,
           "from":{"id":123456789,"is_bot":false,"first_name":"Ada","last_name":"Lovelace","username":"ada_l","language_code":"en"},
           "chat":{"id":123456789,"first_name":"Ada","last_name":"Lovelace","username":"ada_l","type":"private"},
           "date":1735689600,"text":"/start ref_abc",
           "entities":[{"offset":0,"length":6,"type":"bot_command"}]}}
        """;

    public const string SupergroupCommandWithSuffix = """
        {"update_id":815334002,
         "message":{"message_id":1207,
           "from":{"id":987654321,"is_bot":false,"first_name":"Grace","language_code":"de"},
           "chat":{"id":-1001234567890,"title":"Ops team","type":"supergroup"},
           "date":1735689660,
           "reply_to_message":{"message_id":1206,
              "from":{"id":5550001111,"is_bot":true,"first_name":"Helper","username":"helper_test_bot"},
              "chat":{"id":-1001234567890,"title":"Ops team","type":"supergroup"},
              "date":1735689630,"text":"Build #77 failed."},
           "text":"/status@helper_test_bot build 77",
           "entities":[{"offset":0,"length":23,"type":"bot_command"}]}}
        """;

    public const string CallbackQuery = """
        {"update_id":815334003,
         "callback_query":{"id":"4382bfdwdsb323b2d9",
           "from":{"id":123456789,"is_bot":false,"first_name":"Ada","username":"ada_l","language_code":"en"},
           "message":{"message_id":43,
              "from":{"id":5550001111,"is_bot":true,"first_name":"Helper","username":"helper_test_bot"},
              "chat":{"id":123456789,"first_name":"Ada","username":"ada_l","type":"private"},
              "date":1735689700,"text":"Deploy to production?",
              "reply_markup":{"inline_keyboard":[[{"text":"Yes","callback_data":"deploy:yes:77"},{"text":"No","callback_data":"deploy:no:77"}]]}},
           "chat_instance":"-3193456820912345678","data":"deploy:yes:77"}}
        """;

    public const string PhotoWithCaption = """
        {"update_id":815334004,
         "message":{"message_id":44,"from":{"id":123456789,"is_bot":false,"first_name":"Ada","language_code":"en"},
           "chat":{"id":123456789,"first_name":"Ada","type":"private"},"date":1735689800,
           "photo":[{"file_id":"AgACAgIAAxkBAAIBLGbsmall","file_unique_id":"AQADq7kxG1s","file_size":1432,"width":90,"height":67},
                    {"file_id":"AgACAgIAAxkBAAIBLGblarge","file_unique_id":"AQADq7kxG1x","file_size":80211,"width":1280,"height":960}],
           "caption":"screenshot of the error"}}
        """;

    public const string Document = """
        {"update_id":815334005,
         "message":{"message_id":45,"from":{"id":123456789,"is_bot":false,"first_name":"Ada"},
           "chat":{"id":123456789,"first_name":"Ada","type":"private"},"date":1735689810,
           "document":{"file_name":"build.log","mime_type":"text/plain","file_id":"BQACAgIAAxkBAAIBLWbdoc","file_unique_id":"AgADbD8AAg","file_size":5120}}}
        """;

    /// <summary>The service message a group sends when it is upgraded to a supergroup.</summary>
    public const string GroupMigrated = """
        {"update_id":815334006,
         "message":{"message_id":46,"from":{"id":987654321,"is_bot":false,"first_name":"Grace"},
           "chat":{"id":-4001234567,"title":"Ops team","type":"group"},"date":1735689900,
           "migrate_to_chat_id":-1001234567890}}
        """;

    public const string EditedMessage = """
        {"update_id":815334007,
         "edited_message":{"message_id":42,"from":{"id":123456789,"is_bot":false,"first_name":"Ada"},
           "chat":{"id":123456789,"first_name":"Ada","type":"private"},"date":1735689600,"edit_date":1735689999,
           "text":"/start something else"}}
        """;

    public const string UnknownType = """
        {"update_id":815334008,"message_reaction":{"chat":{"id":-100,"type":"supergroup"},"message_id":1,"date":1,"old_reaction":[],"new_reaction":[]}}
        """;

    /// <summary>A private text message from user <paramref name="userId"/>.</summary>
    public static string Text(long updateId, long userId, string text, string? language = "en") => $$$"""
        {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId % 100000}}},"date":1735689600,
          "from":{"id":{{{userId}}},"is_bot":false,"first_name":"User{{{userId}}}"{{{(language is null ? "" : $",\"language_code\":\"{language}\"")}}}},
          "chat":{"id":{{{userId}}},"type":"private"},"text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}}}
        """;
}
