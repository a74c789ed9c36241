// Reference peer for the Telegram benchmark: a minimal grammY echo bot aimed at the fake Bot API.
// Usage: node echo.mjs <apiRoot> <token>   (grammY is installed by setup.sh, never committed)
import { Bot } from "grammy";

const [apiRoot, token] = process.argv.slice(2);
const bot = new Bot(token, {
  client: { apiRoot },
  botInfo: { id: 5550001111, is_bot: true, first_name: "Helper", username: "helper_test_bot",
             can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
});
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.catch((err) => console.error("grammy error:", err.message));
process.on("SIGTERM", () => bot.stop().then(() => process.exit(0)));
await bot.start({ onStart: () => console.log("grammy-ready"), timeout: 30 });
