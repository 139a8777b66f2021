<?php
// The endpoint's logic, PHP standard library only: verifies the signature, checks the bearer token,
// reads the arguments (envelope or arguments mode) and answers with a hint. server.php wires it to HTTP.
declare(strict_types=1);

namespace Toolgate\Example;

use Toolgate\SignatureVerificationException;

use function Toolgate\signs_target;
use function Toolgate\verify;

require_once __DIR__ . '/toolgate_verify.php';

const ORDERS = [
    'A-1001' => ['status' => 'shipped', 'eta' => 'Friday'],
    'A-1002' => ['status' => 'being packed', 'eta' => 'next Tuesday'],
];
const UNAUTHORIZED = ['error' => 'Unauthorized', 'hint' => 'Apologize and say you cannot look that up right now; offer a callback.'];
const FAILED = ['error' => 'Lookup failed', 'hint' => 'Apologize and offer a callback.'];

/**
 * Handles one request; returns [status, body array].
 * $config: scheme, secrets, bearer_token, and optionally tolerance_seconds and now (unix seconds).
 */
function handle(string $method, string $target, array $headers, string $body, array $config): array
{
    $bodyless = signs_target($method);
    try {
        verify($config['secrets'], $headers, $bodyless ? null : $body, $method, $target, $config['scheme'],
            $config['tolerance_seconds'] ?? 300, $config['now'] ?? null);
    } catch (SignatureVerificationException $e) {
        error_log("signature rejected: {$e->reason}: {$e->getMessage()}");
        return [401, UNAUTHORIZED];
    }
    $authorization = (string) (array_change_key_case($headers, CASE_LOWER)['authorization'] ?? '');
    if (!hash_equals(hash('sha256', "Bearer {$config['bearer_token']}"), hash('sha256', $authorization))) {
        error_log('bearer token rejected');
        return [401, UNAUTHORIZED];
    }
    if ($bodyless) {
        parse_str((string) parse_url($target, PHP_URL_QUERY), $args);
    } else {
        $args = json_arguments($body);
        if ($args === null) {
            return [400, ['error' => 'Bad request', 'hint' => 'Apologize and offer a callback.']];
        }
    }
    return [200, lookup_order($args)];
}

/** The envelope's arguments, or the body itself in arguments mode; null if the body is not a JSON object. */
function json_arguments(string $body): ?array
{
    $parsed = json_decode($body);
    if (!$parsed instanceof \stdClass) {
        return null;
    }
    $envelope = is_string($parsed->tool ?? null) && is_string($parsed->invocation_id ?? null)
        && ($parsed->arguments ?? null) instanceof \stdClass;
    return (array) ($envelope ? $parsed->arguments : $parsed);
}

function lookup_order(array $args): array
{
    $id = is_string($args['order_id'] ?? null) ? strtoupper(trim($args['order_id'])) : '';
    if ($id === '') {
        return ['error' => 'Missing order number', 'hint' => 'Ask the caller for their order number; it starts with A.'];
    }
    $order = ORDERS[$id] ?? null;
    if ($order === null) {
        return ['error' => 'Order not found', 'hint' => 'Ask the caller to read the order number again, one character at a time.'];
    }
    return ['order_id' => $id, 'status' => $order['status'], 'eta' => $order['eta'],
        'hint' => "Tell the caller order $id is {$order['status']} and should arrive {$order['eta']}."];
}

/** Reads the configuration from the environment (see README.md). */
function config_from_env(): array
{
    $secrets = preg_split('/[\s,]+/', (string) getenv('TOOLGATE_SIGNING_SECRETS'), -1, PREG_SPLIT_NO_EMPTY);
    $token = (string) getenv('TOOLGATE_BEARER_TOKEN');
    if ($secrets === [] || $token === '') {
        throw new \RuntimeException('set TOOLGATE_SIGNING_SECRETS and TOOLGATE_BEARER_TOKEN');
    }
    return ['scheme' => getenv('TOOLGATE_SIGNATURE_SCHEME') ?: 'toolgate', 'secrets' => $secrets, 'bearer_token' => $token];
}
