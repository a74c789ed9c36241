using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>The command menu shown in Telegram clients, per language (default: English).</summary>
public static class TelegramCommandMenu
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "ru", "pl"];

    private static readonly (string Command, string En, string Ru, string Pl)[] Entries =
    [
        ("new", "Report a problem or request something", "Сообщить о проблеме или оставить запрос", "Zgłoś problem lub prośbę"),
        ("status", "Status of a ticket", "Статус заявки", "Status zgłoszenia"),
        ("my", "My open tickets", "Мои открытые заявки", "Moje otwarte zgłoszenia"),
        ("cancel", "Cancel the current step or ticket", "Отменить текущий шаг или заявку", "Anuluj bieżący krok lub zgłoszenie"),
        ("queue", "Queue of a line (engineers)", "Очередь линии (инженеры)", "Kolejka linii (inżynierowie)"),
        ("lang", "Language: en, ru or pl", "Язык: en, ru или pl", "Język: en, ru lub pl"),
        ("help", "What the bot can do", "Что умеет бот", "Co potrafi bot"),
    ];

    public static IReadOnlyList<BotCommand> For(string language) =>
        Entries.Select(e => new BotCommand(e.Command, language switch { "ru" => e.Ru, "pl" => e.Pl, _ => e.En })).ToList();
}
