<?php
/**
 * The widget's element with the message inside it as plain HTML: readers without JavaScript and
 * search engines get the words and a link to the template's page; once widget.js runs, the
 * element's shadow DOM takes its place. The shortcode and the block both render here.
 *
 * @package ReconnectKit
 */

defined( 'ABSPATH' ) || exit;

/** Template slugs as the kit writes them. */
const RECONNECT_KIT_SLUG = '/^[a-z0-9]+(?:-[a-z0-9]+)*$/';
const RECONNECT_KIT_SITUATIONS = array( 'casual', 'reference' );
const RECONNECT_KIT_THEMES = array( 'auto', 'light', 'dark' );

/**
 * [reconnect template="thank-you-text" accent="#7a1f5c"] or [reconnect situation="reference"].
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function reconnect_kit_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'template'    => '',
			'situation'   => '',
			'theme'       => '',
			'accent'      => '',
			'accent-dark' => '',
		),
		$atts,
		'reconnect'
	);
	return reconnect_kit_render(
		array(
			'template'   => $atts['template'],
			'situation'  => $atts['situation'],
			'theme'      => $atts['theme'],
			'accent'     => $atts['accent'],
			'accentDark' => $atts['accent-dark'],
		)
	);
}

/**
 * The block's server render (block.json has the same attributes).
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function reconnect_kit_render_block( $attributes ) {
	return reconnect_kit_render( is_array( $attributes ) ? $attributes : array() );
}

/**
 * A GET of the kit's JSON or text, kept for twelve hours (a failure for five minutes).
 *
 * @param string $path Relative to the kit's address.
 * @return string|null The body, or null when the kit did not answer with it.
 */
function reconnect_kit_fetch( $path ) {
	$settings = reconnect_kit_settings();
	if ( '' === $settings['address'] ) {
		return null;
	}
	$url = reconnect_kit_root( $settings ) . $path;
	$key = 'reconnect_kit_' . md5( $url );
	$hit = get_transient( $key );
	if ( false !== $hit ) {
		return '' === $hit ? null : $hit;
	}
	$response = wp_remote_get( $url, array( 'timeout' => 3 ) );
	$body     = ! is_wp_error( $response ) && 200 === wp_remote_retrieve_response_code( $response ) ? wp_remote_retrieve_body( $response ) : '';
	set_transient( $key, $body, '' === $body ? 5 * MINUTE_IN_SECONDS : 12 * HOUR_IN_SECONDS );
	return '' === $body ? null : $body;
}

/** The kit's template index (api/templates.json), or null. */
function reconnect_kit_index() {
	$body  = reconnect_kit_fetch( 'api/templates.json' );
	$index = null === $body ? null : json_decode( $body, true );
	return is_array( $index ) && isset( $index['templates'] ) && is_array( $index['templates'] ) ? $index : null;
}

/**
 * A validated attribute set: unknown or malformed values are dropped, colours under WCAG AA are
 * refused with the reason (shown to people who can edit posts, in the editor's preview).
 *
 * @param array $attributes As written in the post.
 * @return array{template: string, situation: string, theme: string, accent: string, accentDark: string, problems: string[]}
 */
function reconnect_kit_clean_attributes( $attributes ) {
	$settings = reconnect_kit_settings();
	$read     = function ( $name ) use ( $attributes ) {
		return isset( $attributes[ $name ] ) && is_scalar( $attributes[ $name ] ) ? strtolower( trim( (string) $attributes[ $name ] ) ) : '';
	};
	$clean    = array(
		'template'   => $read( 'template' ),
		'situation'  => $read( 'situation' ),
		'theme'      => $read( 'theme' ),
		'accent'     => '' !== $read( 'accent' ) ? $read( 'accent' ) : $settings['accent'],
		'accentDark' => '' !== $read( 'accentDark' ) ? $read( 'accentDark' ) : $settings['accent_dark'],
		'problems'   => array(),
	);
	if ( '' !== $clean['template'] && ! preg_match( RECONNECT_KIT_SLUG, $clean['template'] ) ) {
		$clean['problems'][] = sprintf( 'template "%s" is not a template name; copy it from the end of the template\'s address on the kit.', $clean['template'] );
		$clean['template']   = '';
	}
	if ( ! in_array( $clean['situation'], RECONNECT_KIT_SITUATIONS, true ) ) {
		$clean['situation'] = '';
	}
	if ( ! in_array( $clean['theme'], RECONNECT_KIT_THEMES, true ) || 'auto' === $clean['theme'] ) {
		$clean['theme'] = '';
	}
	foreach ( array(
		'accent'     => 'light',
		'accentDark' => 'dark',
	) as $name => $scheme ) {
		if ( '' === $clean[ $name ] ) {
			continue;
		}
		$check = reconnect_kit_check_accent( $clean[ $name ], $scheme );
		if ( ! $check['ok'] ) {
			$clean['problems'][] = sprintf( '%s refused: %s.', 'light' === $scheme ? 'Accent' : 'Dark accent', $check['reason'] );
			$clean[ $name ]      = '';
		}
	}
	return $clean;
}

/**
 * Paragraphs of the template's plain text, [Their name] placeholders and all.
 *
 * @param string $text The kit's templates/<slug>.txt.
 * @return string HTML.
 */
function reconnect_kit_text_html( $text ) {
	$paragraphs = preg_split( '/\n\s*\n/', trim( str_replace( "\r\n", "\n", $text ) ) );
	$html       = '';
	foreach ( $paragraphs as $paragraph ) {
		$html .= '<p>' . nl2br( esc_html( $paragraph ), false ) . '</p>';
	}
	return $html;
}

/**
 * The element and its fallback content.
 *
 * @param array $attributes Template or situation, theme, accents.
 * @return string HTML.
 */
function reconnect_kit_render( $attributes ) {
	$a        = reconnect_kit_clean_attributes( $attributes );
	$settings = reconnect_kit_settings();
	$root     = reconnect_kit_root( $settings );
	$picker   = '' === $a['template'];
	$index    = reconnect_kit_index();
	$site     = is_array( $index ) && isset( $index['site']['name'] ) ? (string) $index['site']['name'] : 'Reconnect Kit';

	if ( $picker ) {
		$inner = '<p><a href="' . esc_url( $root . 'templates/' ) . '">' . esc_html( sprintf( 'Message templates on %s', $site ) ) . '</a></p>';
		if ( null !== $index ) {
			$items = '';
			foreach ( $index['templates'] as $template ) {
				if ( '' !== $a['situation'] && ( $template['situation'] ?? '' ) !== $a['situation'] ) {
					continue;
				}
				$items .= '<li><a href="' . esc_url( $root . ( $template['page'] ?? '' ) ) . '">' . esc_html( $template['title'] ?? '' ) . '</a></li>';
			}
			$inner .= '' === $items ? '' : '<ul>' . $items . '</ul>';
		}
	} else {
		$title = $a['template'];
		foreach ( null === $index ? array() : $index['templates'] as $template ) {
			if ( ( $template['slug'] ?? '' ) === $a['template'] ) {
				$title = (string) $template['title'];
			}
		}
		$text  = reconnect_kit_fetch( 'templates/' . $a['template'] . '.txt' );
		$inner = '<p><a href="' . esc_url( $root . 'templates/' . $a['template'] . '/' ) . '">' . esc_html( $title ) . '</a></p>'
			. ( null === $text ? '' : '<blockquote class="reconnect-kit-message">' . reconnect_kit_text_html( $text ) . '</blockquote>' );
	}

	$tag   = $picker ? 'reconnect-templates' : 'reconnect-template';
	$attrs = array(
		'template'    => $picker ? '' : $a['template'],
		'situation'   => $picker ? $a['situation'] : '',
		'theme'       => $a['theme'],
		'accent'      => $a['accent'],
		'accent-dark' => $a['accentDark'],
	);
	$html  = '<' . $tag;
	foreach ( $attrs as $name => $value ) {
		if ( '' !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '><div class="reconnect-kit-fallback">' . $inner . '</div></' . $tag . '>';

	// The reasons are for the post's writers, in the editor's preview; readers never see them.
	$notice = '';
	if ( array() !== $a['problems'] && defined( 'REST_REQUEST' ) && REST_REQUEST && current_user_can( 'edit_posts' ) ) {
		$notice = '<div class="reconnect-kit-problems" role="alert"><p>' . implode( '</p><p>', array_map( 'esc_html', $a['problems'] ) ) . '</p></div>';
	}
	reconnect_kit_enqueue_widget();
	return $notice . '<div class="reconnect-kit">' . $html . '</div>';
}
