using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Bench.Knowledge;

/// <summary>
/// Generates knowledge bases of any size in en/ru/pl: a core IT vocabulary in inflected forms,
/// product names and error codes, plus a long tail of generated words so that the vocabulary grows
/// with the corpus as it does in real help centres. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticKnowledgeBase(int seed)
{
    private static readonly Dictionary<string, string[]> Core = new()
    {
        ["en"] = "printer printers printing print prints scanner scanning laptop laptops computer computers password passwords reset resetting account accounts locked unlock network networks connection connecting connected wireless internet email emails mailbox mailboxes calendar calendars meeting meetings camera microphone headset sound audio screen monitor monitors docking station keyboard mouse battery charger charging update updates updating install installing installed software license folder folders share shared access denied permission permissions sync syncing synchronization upload uploading download file files disk space storage slow freezing crashes crashed error errors certificate browser login signing sign phone phones authenticator code codes request requests ticket manager approval remote desktop session server servers backup restore deleted recover recovery".Split(' '),
        ["ru"] = "принтер принтера принтеру печать печати печатает сканер сканера ноутбук ноутбука ноутбуке компьютер компьютера компьютере пароль пароля паролем сбросить сброс учетная учетной запись записи заблокирована разблокировать сеть сети подключение подключения подключается интернет почта почты почтой ящик ящика календарь календаря встреча встречи камера микрофон гарнитура звук экран монитор монитора док станция клавиатура мышь батарея зарядка обновление обновления установка установить программа программы лицензия папка папки доступ доступа права синхронизация загрузка файл файлы файла диск места медленно зависает ошибка ошибки сертификат браузер вход войти телефон телефона код коды заявка заявку руководитель согласование удаленный рабочий стол сервер резервная копия восстановить удален".Split(' '),
        ["pl"] = "drukarka drukarki drukarkę drukowanie drukuje skaner skanera laptop laptopa laptopie komputer komputera komputerze hasło hasła hasłem resetowanie reset konto konta zablokowane odblokować sieć sieci połączenie połączenia łączy internet poczta poczty pocztą skrzynka skrzynki kalendarz kalendarza spotkanie spotkania kamera mikrofon słuchawki dźwięk ekran monitor monitora stacja dokująca klawiatura mysz bateria ładowarka aktualizacja aktualizacje instalacja zainstalować program programy licencja folder folderu dostęp dostępu uprawnienia synchronizacja wysyłanie plik pliki pliku dysk miejsca wolno zawiesza błąd błędy certyfikat przeglądarka logowanie zalogować telefon telefonu kod kody zgłoszenie wniosek przełożony akceptacja zdalny pulpit serwer kopia zapasowa przywrócić usunięty".Split(' '),
    };

    private static readonly Dictionary<string, string[]> Function = new()
    {
        ["en"] = "the a to and of in on with for is it not does cannot when after your you this".Split(' '),
        ["ru"] = "и в не на с по для что как при после это ваш вы если".Split(' '),
        ["pl"] = "i w nie na z do dla że jak po to się jest twój jeśli".Split(' '),
    };

    private static readonly string[] Names = "VPN Outlook Teams OneDrive SharePoint Windows Excel Word Zoom Webex Jira Confluence SAP 1C Chrome Edge BitLocker AnyConnect Wi-Fi 2FA MFA USB".Split(' ');

    private static readonly Dictionary<string, string[]> Syllables = new()
    {
        ["en"] = "ar ban cor dex el fin gor hal in jet kor lan mor nex or pol quin ron sel tor ul ven wex yor zan".Split(' '),
        ["ru"] = "ба ве го да ке ли мо на по ра се ти ку фе хо це чи ша ще ю яр ол ан ис".Split(' '),
        ["pl"] = "ba cze dro gra ka le mo nie pra rze sto szy to wa zdu ja ko li mi pi ro sy tu we".Split(' '),
    };

    private readonly Random random = new(seed);
    private readonly Dictionary<string, string[]> tail = new();

    public static readonly string[] Languages = ["en", "ru", "pl"];

    public List<KnowledgeArticle> Generate(int count)
    {
        var tailSize = Math.Clamp(count, 500, 30_000);
        foreach (var language in Languages)
        {
            tail[language] = Enumerable.Range(0, tailSize).Select(_ => Word(language)).Distinct().ToArray();
        }
        var articles = new List<KnowledgeArticle>(count);
        for (var i = 0; i < count; i++)
        {
            var language = Languages[i % 3];
            articles.Add(new KnowledgeArticle
            {
                Id = $"gen-{i:D6}-{language}",
                Title = Sentence(language, random.Next(3, 8)),
                Body = string.Join("\n\n", Enumerable.Range(0, random.Next(3, 7)).Select(_ => Sentence(language, random.Next(12, 30)) + ".")),
                Tags = Enumerable.Range(0, random.Next(2, 6)).Select(_ => Pick(Core[language])).Distinct().ToList(),
                Language = language,
                Category = "generated",
                UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
            });
        }
        return articles;
    }

    /// <summary>Queries like users type: a few content words of an article, sometimes with a typo, plus some off-topic ones.</summary>
    public List<(string Query, string Language)> Queries(IReadOnlyList<KnowledgeArticle> articles, int count)
    {
        var queries = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var article = articles[random.Next(articles.Count)];
            var words = (article.Title + " " + article.Body).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var picked = Enumerable.Range(0, random.Next(2, 7)).Select(_ => words[random.Next(words.Length)].Trim('.')).ToList();
            if (random.NextDouble() < 0.3)
            {
                var at = random.Next(picked.Count);
                if (picked[at].Length > 4) picked[at] = picked[at].Remove(random.Next(1, picked[at].Length - 1), 1);
            }
            if (random.NextDouble() < 0.1) picked = [.. Enumerable.Range(0, 4).Select(_ => Word(article.Language))];
            queries.Add((string.Join(' ', picked), article.Language));
        }
        return queries;
    }

    private string Sentence(string language, int words)
    {
        var parts = new List<string>(words);
        for (var i = 0; i < words; i++)
        {
            var roll = random.NextDouble();
            parts.Add(roll switch
            {
                < 0.30 => Pick(Function[language]),
                < 0.60 => Pick(Core[language]),
                < 0.66 => Pick(Names),
                < 0.67 => $"0x{random.Next(0x10000000, int.MaxValue):X8}",
                _ => Zipf(tail[language]),
            });
        }
        var text = string.Join(' ', parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private string Word(string language)
    {
        var s = Syllables[language];
        return string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => s[random.Next(s.Length)]));
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];

    private string Zipf(string[] items)
    {
        // rank ~ exp(uniform * ln(n)): a heavy head and a long tail
        var rank = (int)Math.Exp(random.NextDouble() * Math.Log(items.Length)) - 1;
        return items[Math.Clamp(rank, 0, items.Length - 1)];
    }
}
