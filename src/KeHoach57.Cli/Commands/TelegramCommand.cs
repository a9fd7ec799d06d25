using System.CommandLine;
using KeHoach57.Channels.Telegram;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Cli.Commands;

/// <summary>`telegram`: runs the Telegram bot by long polling, for a machine without a public URL.</summary>
public static class TelegramCommand
{
    public static Command Create()
    {
        var backend = CommonOptions.Backend();
        var command = new Command("telegram", "Chạy bot Telegram bằng long polling (không cần địa chỉ công khai); Ctrl+C để dừng") { backend };
        command.SetAction(async (parse, ct) =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddAssistantConfiguration();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(CliServices.Overrides(parse.GetValue(backend)))
            {
                [$"{TelegramOptions.Section}:{nameof(TelegramOptions.Mode)}"] = "polling",
            });
            builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("KeHoach57", LogLevel.Information);
            builder.Services.AddAssistant(builder.Configuration);
            builder.Services.AddTelegramChannel(builder.Configuration);
            using var host = builder.Build();

            if (!host.Services.GetRequiredService<TelegramApi>().IsConfigured)
            {
                await Console.Error.WriteLineAsync("Chưa có token bot. Đặt biến môi trường Telegram__BotToken (xem docs/channels.md).");
                return 2;
            }
            await host.Services.PrepareAssistantAsync(ct);
            var bot = await host.Services.GetRequiredService<TelegramApi>().IdentityAsync(ct);
            await Console.Error.WriteLineAsync($"Bot @{bot.Username} đang chạy (long polling). Ctrl+C để dừng.");
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
