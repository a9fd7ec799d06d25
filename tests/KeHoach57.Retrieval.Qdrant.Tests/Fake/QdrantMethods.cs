using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant.Tests.Fake;

/// <summary>
/// The gRPC methods of Qdrant's "qdrant.Collections" and "qdrant.Points" services (lib/api/src/grpc/proto/
/// collections_service.proto, points_service.proto) that this project calls, described with Qdrant.Client's own
/// message types. The package ships client stubs only, so the server side is declared here; any other method
/// answers UNIMPLEMENTED, as a server of another version would.
/// </summary>
public static class QdrantMethods
{
    public const string Collections = "qdrant.Collections";
    public const string Points = "qdrant.Points";

    public static readonly Method<ListCollectionsRequest, ListCollectionsResponse> ListCollections = Unary<ListCollectionsRequest, ListCollectionsResponse>(Collections, "List");
    public static readonly Method<CreateCollection, CollectionOperationResponse> CreateCollection = Unary<CreateCollection, CollectionOperationResponse>(Collections, "Create");
    public static readonly Method<DeleteCollection, CollectionOperationResponse> DeleteCollection = Unary<DeleteCollection, CollectionOperationResponse>(Collections, "Delete");
    public static readonly Method<ChangeAliases, CollectionOperationResponse> UpdateAliases = Unary<ChangeAliases, CollectionOperationResponse>(Collections, "UpdateAliases");
    public static readonly Method<ListAliasesRequest, ListAliasesResponse> ListAliases = Unary<ListAliasesRequest, ListAliasesResponse>(Collections, "ListAliases");

    public static readonly Method<UpsertPoints, PointsOperationResponse> Upsert = Unary<UpsertPoints, PointsOperationResponse>(Points, "Upsert");
    public static readonly Method<DeletePoints, PointsOperationResponse> Delete = Unary<DeletePoints, PointsOperationResponse>(Points, "Delete");
    public static readonly Method<GetPoints, GetResponse> Get = Unary<GetPoints, GetResponse>(Points, "Get");
    public static readonly Method<CreateFieldIndexCollection, PointsOperationResponse> CreateFieldIndex = Unary<CreateFieldIndexCollection, PointsOperationResponse>(Points, "CreateFieldIndex");
    public static readonly Method<QueryPoints, QueryResponse> Query = Unary<QueryPoints, QueryResponse>(Points, "Query");

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, service, name, Marshaller<TRequest>(), Marshaller<TResponse>());

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
