<?php
// Verifies Toolgate request signatures (docs/signing.md). PHP standard library only.
declare(strict_types=1);

namespace Toolgate;

const DEFAULT_TOLERANCE_SECONDS = 300;

/** A refused request. $reason is one of MISSING_HEADER, MALFORMED_HEADER, NO_SUPPORTED_SIGNATURE,
 *  NO_MATCHING_SIGNATURE, TIMESTAMP_TOO_OLD, TIMESTAMP_IN_FUTURE; the message never holds a secret. */
final class SignatureVerificationException extends \RuntimeException
{
    public function __construct(public readonly string $reason, string $message)
    {
        parent::__construct($message);
    }
}

/** True for the methods Toolgate sends without a body; their signed payload is "<METHOD> <target>". */
function signs_target(string $method): bool
{
    return in_array(strtoupper($method), ['GET', 'HEAD', 'DELETE'], true);
}

/**
 * Verifies one request; returns ['scheme', 'timestamp', 'secret_index'] or throws SignatureVerificationException.
 *
 * @param string[] $secrets the tool's secrets (any may match)
 * @param array<string,string> $headers header name => value, any case (getallheaders() works)
 * @param ?string $body the raw body (file_get_contents('php://input')), or null for a bodyless request,
 *     whose payload is "$method $target" with $target the raw request target ($_SERVER['REQUEST_URI'])
 * @param ?int $now unix seconds; default time()
 */
function verify(array $secrets, array $headers, ?string $body, string $method = '', string $target = '',
                string $scheme = 'toolgate', int $toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, ?int $now = null): array
{
    if ($secrets === []) {
        throw new \InvalidArgumentException('at least one signing secret is required');
    }
    $keys = [];
    foreach (array_values($secrets) as $i => $secret) {
        $keys[] = secret_key($scheme, $secret, $i);
    }
    $lower = array_change_key_case($headers, CASE_LOWER);
    $payload = $body ?? "$method $target";

    if ($scheme === 'toolgate') {
        $header = required_header($lower, 'X-Toolgate-Signature');
        $timestamp = null;
        $signatures = [];
        foreach (explode(',', $header) as $item) {
            $entry = trim($item, " \t");
            if (!str_contains($entry, '=')) {
                throw new SignatureVerificationException('MALFORMED_HEADER', "X-Toolgate-Signature has an entry without '='");
            }
            [$key, $value] = explode('=', $entry, 2);
            if ($key === 't') {
                if ($timestamp !== null) {
                    throw new SignatureVerificationException('MALFORMED_HEADER', 'X-Toolgate-Signature has more than one t= entry');
                }
                $timestamp = parse_timestamp($value, 'X-Toolgate-Signature t=');
            } elseif ($key === 'v1') {
                $signatures[] = $value;
            }
        }
        if ($timestamp === null) {
            throw new SignatureVerificationException('MALFORMED_HEADER', 'X-Toolgate-Signature has no t= entry');
        }
        if ($signatures === []) {
            throw new SignatureVerificationException('NO_SUPPORTED_SIGNATURE', 'X-Toolgate-Signature has no v1= signature');
        }
        $prefix = "$timestamp.";
        $encode = static fn (string $digest): string => bin2hex($digest);
    } elseif ($scheme === 'standard_webhooks') {
        $id = required_header($lower, 'webhook-id');
        $timestamp = parse_timestamp(trim(required_header($lower, 'webhook-timestamp'), " \t"), 'webhook-timestamp');
        $signatures = [];
        foreach (explode(' ', required_header($lower, 'webhook-signature')) as $entry) {
            if ($entry === '') {
                continue;
            }
            if (!str_contains($entry, ',')) {
                throw new SignatureVerificationException('MALFORMED_HEADER', "webhook-signature has an entry without ','");
            }
            [$version, $value] = explode(',', $entry, 2);
            if ($version === 'v1') {
                $signatures[] = $value;
            }
        }
        if ($signatures === []) {
            throw new SignatureVerificationException('NO_SUPPORTED_SIGNATURE', 'webhook-signature has no v1 signature');
        }
        $prefix = "$id.$timestamp.";
        $encode = static fn (string $digest): string => base64_encode($digest);
    } else {
        throw new \InvalidArgumentException("unknown signature scheme: $scheme");
    }

    $secretIndex = -1;
    foreach ($keys as $i => $key) {
        $expected = $encode(hash_hmac('sha256', $prefix . $payload, $key, true));
        foreach ($signatures as $candidate) {
            if (hash_equals($expected, $candidate)) {
                $secretIndex = $i;
                break 2;
            }
        }
    }
    if ($secretIndex < 0) {
        throw new SignatureVerificationException('NO_MATCHING_SIGNATURE',
            'no signature matches a signing secret: wrong secret, or the request was altered (verify the raw body bytes)');
    }
    $now ??= time();
    if ($now - $timestamp > $toleranceSeconds) {
        throw new SignatureVerificationException('TIMESTAMP_TOO_OLD', 'the signed timestamp is ' . ($now - $timestamp) . ' s old');
    }
    if ($timestamp - $now > $toleranceSeconds) {
        throw new SignatureVerificationException('TIMESTAMP_IN_FUTURE',
            'the signed timestamp is ' . ($timestamp - $now) . ' s in the future');
    }
    return ['scheme' => $scheme, 'timestamp' => $timestamp, 'secret_index' => $secretIndex];
}

function secret_key(string $scheme, string $secret, int $index): string
{
    if (trim($secret) === '') {
        throw new \InvalidArgumentException("signing secret #$index is blank");
    }
    if ($scheme !== 'standard_webhooks') {
        return $secret;
    }
    $encoded = str_starts_with($secret, 'whsec_') ? substr($secret, strlen('whsec_')) : $secret;
    $key = preg_match('/^[A-Za-z0-9+\/]+={0,2}$/', $encoded) === 1 ? base64_decode($encoded, true) : false;
    if ($key === false || $key === '') {
        throw new \InvalidArgumentException("signing secret #$index is not whsec_<base64>");
    }
    return $key;
}

function required_header(array $lower, string $name): string
{
    $value = $lower[strtolower($name)] ?? null;
    if (is_array($value)) {
        $value = $value[0] ?? null;
    }
    if ($value === null || trim((string) $value, " \t") === '') {
        throw new SignatureVerificationException('MISSING_HEADER', "the request has no $name header");
    }
    return (string) $value;
}

function parse_timestamp(string $text, string $what): int
{
    if (preg_match('/^[0-9]{1,12}$/D', $text) !== 1) {
        throw new SignatureVerificationException('MALFORMED_HEADER', "$what is not a unix timestamp in seconds");
    }
    return (int) $text;
}
