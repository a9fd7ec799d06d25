using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Zalo;
using KeHoach57.Hosting;
using KeHoach57.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddAssistantConfiguration(args, builder.Environment.EnvironmentName);
builder.Services.AddAssistant(builder.Configuration);
builder.AddAssistantServer();
builder.Services.AddTelegramChannel(builder.Configuration);
builder.Services.AddZaloChannel(builder.Configuration);
var app = builder.Build();
app.UseAssistantServer();
app.MapAssistantEndpoints();
app.MapTelegramWebhook();
app.MapZaloWebhook();
app.Run();

public partial class Program;
