using KeHoach57.Answering.Asks;
using KeHoach57.Answering.Batch;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Pipeline;
using KeHoach57.Answering.Search;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KeHoach57.Answering;

/// <summary>Wires the answering pipeline in one place: its data, its steps in order, and the ask handlers in their registry.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // The selection weights were fitted together with the calibrator and travel in its file: a host that
        // says nothing gets the pair that was measured; a "Selection" section still overrides any of them.
        services.TryAddSingleton(sp => CalibrationModel.For(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value));
        services.AddOptions<SelectionOptions>()
            .Configure<CalibrationModel>((o, model) => model.Selection?.CopyTo(o))
            .Bind(configuration.GetSection(SelectionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Data: what the cue, place, document and unit files say, loaded and checked once.
        services.TryAddSingleton(_ => AskCues.Default);
        services.TryAddSingleton(_ => DocumentKinds.Default);
        services.TryAddSingleton(sp => new UnitGazetteer(sp.GetRequiredService<VietnameseAnalyzer>()));
        services.TryAddSingleton<PlaceReader>();
        services.TryAddSingleton<RoleWords>();

        // Understand.
        services.TryAddSingleton<QuestionReader>();
        services.TryAddSingleton<FollowUps>();
        // Retrieve.
        services.TryAddSingleton<PassageSearch>();
        // Select: the handlers, one per kind of ask, in their registry.
        services.TryAddSingleton<ClauseReader>();
        services.TryAddSingleton<SubjectMatch>();
        services.TryAddSingleton<UnitReading>();
        // "Which plan" reads each clause's focus as a fact does.
        services.TryAddSingleton<FactAsk>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IAskHandler, DeadlineAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, DateAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, FrequencyAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, LeadUnitAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, CoUnitsAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, RecipientAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, FigureAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, MoneyAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, ListAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, DocumentRefAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, PersonAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, ContactAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, FactAsk>(),
            ServiceDescriptor.Singleton<IAskHandler, PlanAsk>(),
        ]);
        services.TryAddSingleton<AskRegistry>();
        services.TryAddSingleton<ClauseSelector>();
        // Ground.
        services.TryAddSingleton<Calibrator>();
        services.TryAddSingleton<Grounder>();
        services.TryAddSingleton<PlanGrounder>();
        // Compose.
        services.TryAddSingleton<AnswerText>();
        services.TryAddSingleton<SourceLabels>();
        services.TryAddSingleton<AnswerComposer>();
        services.TryAddSingleton<PlanHeader>();
        services.TryAddSingleton<AnswerPipeline>();
        services.TryAddSingleton<Assistant>();
        services.TryAddSingleton<BatchRunner>();
        return services;
    }
}
