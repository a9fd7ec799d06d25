using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Zalo;
using KeHoach57.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddAssistantConfiguration(args, builder.Environment.EnvironmentName);
builder.Services.AddAssistant(builder.Configuration);
builder.Services.AddTelegramChannel(builder.Configuration);
builder.Services.AddZaloChannel(builder.Configuration);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapTelegramWebhook();
app.MapZaloWebhook();
app.Run();

public partial class Program;
