using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Conversations;

/// <summary>The intake in each language: a KB answer that solves it, "not that" → questions → ticket, invalid answers, restart, cancel.</summary>
public sealed class IntakeTranscriptTests
{
    public static TheoryData<string, string> Scripts => new()
    {
        { "en", """
            # A knowledge-base answer solves it: no ticket, a deflection is counted.
            alice > My VPN does not connect since this morning
            alice < Maybe one of these articles helps: /  / 1. VPN does not connect / Restart the VPN client {✅ VPN does not connect|Not that}
            alice > [✅ VPN does not connect]
            alice < Great, glad it helped! I did not open a ticket.

            # "Not that", answers that do not fit, a restart in the middle: the ticket all the same.
            alice > The VPN drops again every few minutes
            alice < Maybe one of these articles helps:
            alice > thanks but no
            alice < Please choose one of the options (press a button or write its number).
            alice < Maybe one of these articles helps: {✅ VPN does not connect|Not that}
            alice > [Not that]
            alice < Is something broken, or do you need something (access, software, equipment)? / 1. Something is broken / 2. I need something {Something is broken|I need something}
            alice > purple
            alice < Please choose one of the options
            alice < Is something broken, or do you need something {Something is broken|I need something}
            alice > 1
            alice < What is it about?
            alice > network, vpn, wi-fi
            alice < Who is affected? / 1. Only me / 2. Several people or my team / 3. Everyone, or a critical service
            ! restart
            alice > [Only me]
            alice < How urgent is it for you?
            alice > [Right now, I can't work]
            alice < Where are you (office, floor, room or «home»)? {Skip}
            alice > Warsaw office, floor 4
            alice < Please check: / • Problem: The VPN drops again every few minutes / • Type: Something is broken / • Category: Network, VPN, Wi-Fi / • Affected: Only me / • Urgency: Right now, I can't work / • Where are you (office, floor, room or «home»): Warsaw office, floor 4 / Priority: P3 / Shall I open the ticket? {Open the ticket|Cancel}
            alice > [Open the ticket]
            l1-team < 🎫 SD-1 [P3] The VPN drops again every few minutes / new · L1 · unassigned · from Alice · network {Claim|Escalate|Details}
            alice < Ticket SD-1 is open, priority P3.

            # Cancel in the middle.
            alice > I need a second monitor for my desk
            alice < Is something broken
            alice > [I need something]
            alice < What is it about?
            alice > cancel
            alice < OK, cancelled. Write whenever you need help.
            """ },
        { "ru", """
            alice > Не подключается впн с утра, пишет ошибку
            alice < Возможно, поможет одна из этих статей: /  / 1. Не подключается VPN / Перезапустите VPN-клиент {✅ Не подключается VPN|Не то}
            alice > [✅ Не подключается VPN]
            alice < Отлично, рад, что помогло! Заявку я не открывал.

            alice > VPN опять отваливается каждые пять минут
            alice < Возможно, поможет одна из этих статей:
            alice > спасибо, нет
            alice < Пожалуйста, выберите один из вариантов
            alice < Возможно, поможет одна из этих статей: {✅ Не подключается VPN|Не то}
            alice > [Не то]
            alice < Что-то сломалось или вам что-то нужно (доступ, программа, оборудование)? / 1. Что-то сломалось / 2. Мне что-то нужно {Что-то сломалось|Мне что-то нужно}
            alice > фиолетовый
            alice < Пожалуйста, выберите один из вариантов
            alice < Что-то сломалось или вам что-то нужно
            alice > [Что-то сломалось]
            alice < К чему это относится?
            alice > 1
            alice < Кого это затрагивает?
            ! restart
            alice > Несколько человек или мой отдел
            alice < Насколько это срочно?
            alice > [Сегодня, это мешает работать]
            alice < Где вы находитесь (офис, этаж, кабинет или «дома»)? {Пропустить}
            alice > [Пропустить]
            alice < Проверьте, пожалуйста: / • Проблема: VPN опять отваливается каждые пять минут / • Тип: Что-то сломалось / • Категория: Сеть, VPN, Wi-Fi / • Затронуты: Несколько человек или мой отдел / • Срочность: Сегодня, это мешает работать / • Где вы находитесь (офис, этаж, кабинет или «дома»): - / Приоритет: P3 / Открыть заявку? {Открыть заявку|Отмена}
            alice > [Открыть заявку]
            l1-team < 🎫 SD-1 [P3] VPN опять отваливается каждые пять минут
            alice < Заявка SD-1 открыта, приоритет P3.

            alice > Нужен второй монитор на рабочее место
            alice < Что-то сломалось или вам что-то нужно
            alice > фиолетовый
            alice < Пожалуйста, выберите один из вариантов
            alice < Что-то сломалось или вам что-то нужно
            alice > отмена
            alice < Хорошо, отменено.
            """ },
        { "pl", """
            alice > VPN nie łączy się od rana, co robić?
            alice < Może pomoże jeden z tych artykułów: /  / 1. VPN nie łączy się / Uruchom ponownie klienta VPN {✅ VPN nie łączy się|To nie to}
            alice > [✅ VPN nie łączy się]
            alice < Świetnie, cieszę się, że pomogło! Nie zakładałem zgłoszenia.

            alice > VPN znowu się rozłącza co kilka minut
            alice < Może pomoże jeden z tych artykułów:
            alice > [To nie to]
            alice < Coś się zepsuło, czy czegoś potrzebujesz (dostęp, program, sprzęt)? {Coś się zepsuło|Potrzebuję czegoś}
            alice > 7
            alice < Wybierz proszę jedną z opcji
            alice < Coś się zepsuło, czy czegoś potrzebujesz
            alice > coś się zepsuło
            alice < Czego to dotyczy?
            ! restart
            alice > [Sieć, VPN, Wi-Fi]
            alice < Kogo to dotyczy?
            alice > [Wszystkich albo krytyczną usługę]
            alice < Jak pilne to jest?
            alice > [Teraz, nie mogę pracować]
            alice < Gdzie jesteś (biuro, piętro, pokój lub „dom”)?
            alice > dom
            alice < Sprawdź proszę: / • Problem: VPN znowu się rozłącza co kilka minut / • Typ: Coś się zepsuło / • Kategoria: Sieć, VPN, Wi-Fi / • Kogo dotyczy: Wszystkich albo krytyczną usługę / • Pilność: Teraz, nie mogę pracować / • Gdzie jesteś (biuro, piętro, pokój lub „dom”): dom / Priorytet: P1 / Założyć zgłoszenie? {Załóż zgłoszenie|Anuluj}
            alice > tak
            alice < Wybierz proszę jedną z opcji
            alice < Sprawdź proszę:
            alice > [Załóż zgłoszenie]
            l1-team < 🎫 SD-1 [P1] VPN znowu się rozłącza co kilka minut
            alice < Zgłoszenie SD-1 założone, priorytet P1.

            alice > Potrzebuję drugiego monitora do biurka
            alice < Coś się zepsuło, czy czegoś potrzebujesz
            alice > /cancel
            alice < Dobrze, anulowano.
            """ },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Intake_in_each_language_deflects_creates_reprompts_resumes_and_cancels(string language, string script)
    {
        var kb = new FakeKnowledgeBase();
        await using var desk = await TestDesk.StartAsync(configure: s => s.AddSingleton<IKnowledgeBase>(kb));

        await new Transcript(desk).PlayAsync(script);

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var deflection = await db.Set<Deflection>().SingleAsync();
        Assert.Equal($"vpn-{language}", deflection.ArticleId);
        Assert.Equal(language, deflection.Language);
        var ticket = await db.Tickets.SingleAsync();
        Assert.Equal(language, ticket.Language);
        Assert.Equal("network", ticket.Category);
        Assert.Equal([(true, $"vpn-{language}"), (false, $"vpn-{language}")], kb.Feedback.Select(f => (f.Helpful, f.Article)));
    }
}
