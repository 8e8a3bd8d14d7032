<?php
/**
 * The accent rule of src/lib/contrast.ts, in PHP for the settings page and the block: an accent
 * must read as text on its scheme's background at WCAG AA (4.5:1), and the text on an accent
 * button is whichever of white or black reads better. tests/unit/wordpress-contrast.test.ts runs
 * this file and the TypeScript over one table of colours and requires the same answers.
 *
 * @package ReconnectKit
 */

defined( 'ABSPATH' ) || defined( 'RECONNECT_KIT_TESTING' ) || exit;

/** WCAG AA for normal text (1.4.3). */
const RECONNECT_KIT_AA_TEXT = 4.5;

/** The page backgrounds of the kit's light and dark schemes. */
const RECONNECT_KIT_BACKGROUNDS = array(
	'light' => '#ffffff',
	'dark'  => '#121417',
);

/**
 * A hex colour (#abc, #aabbcc) as three channels, or null.
 *
 * @param string $text The colour as written.
 * @return int[]|null
 */
function reconnect_kit_parse_color( $text ) {
	$text = trim( (string) $text );
	if ( ! preg_match( '/^#([0-9a-f]{3}|[0-9a-f]{6})$/i', $text, $m ) ) {
		return null;
	}
	$hex = 3 === strlen( $m[1] ) ? preg_replace( '/./', '$0$0', $m[1] ) : $m[1];
	return array( hexdec( substr( $hex, 0, 2 ) ), hexdec( substr( $hex, 2, 2 ) ), hexdec( substr( $hex, 4, 2 ) ) );
}

/**
 * Relative luminance (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).
 *
 * @param int[] $rgb Three channels, 0 to 255.
 * @return float
 */
function reconnect_kit_luminance( $rgb ) {
	$linear = array_map(
		function ( $value ) {
			$c = $value / 255;
			return $c <= 0.04045 ? $c / 12.92 : pow( ( $c + 0.055 ) / 1.055, 2.4 );
		},
		$rgb
	);
	return 0.2126 * $linear[0] + 0.7152 * $linear[1] + 0.0722 * $linear[2];
}

/**
 * Contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), 1 to 21.
 *
 * @param int[] $a One colour.
 * @param int[] $b The other.
 * @return float
 */
function reconnect_kit_ratio( $a, $b ) {
	$x = reconnect_kit_luminance( $a ) + 0.05;
	$y = reconnect_kit_luminance( $b ) + 0.05;
	return $x > $y ? $x / $y : $y / $x;
}

/**
 * May `$color` be the accent in `$scheme` ('light' or 'dark')?
 *
 * @param string $color  The colour as written.
 * @param string $scheme 'light' or 'dark'.
 * @return array{ok: bool, on_accent?: string, reason?: string}
 */
function reconnect_kit_check_accent( $color, $scheme ) {
	$rgb = reconnect_kit_parse_color( $color );
	if ( null === $rgb ) {
		return array(
			'ok'     => false,
			'reason' => sprintf( '"%s" is not a colour this check reads; write it as #rrggbb', $color ),
		);
	}
	$background = RECONNECT_KIT_BACKGROUNDS[ $scheme ];
	$ratio      = reconnect_kit_ratio( $rgb, reconnect_kit_parse_color( $background ) );
	if ( $ratio < RECONNECT_KIT_AA_TEXT ) {
		return array(
			'ok'     => false,
			'reason' => sprintf(
				'%s on the %s background %s has a contrast of %s:1; WCAG AA needs %s:1 for text. Pick a %s shade',
				$color,
				$scheme,
				$background,
				number_format( $ratio, 2, '.', '' ),
				RECONNECT_KIT_AA_TEXT,
				'light' === $scheme ? 'darker' : 'lighter'
			),
		);
	}
	$white = reconnect_kit_ratio( $rgb, array( 255, 255, 255 ) );
	$black = reconnect_kit_ratio( $rgb, array( 0, 0, 0 ) );
	return array(
		'ok'        => true,
		'on_accent' => $white >= $black ? '#fff' : '#000',
	);
}
