/* global window -- the editor page, where WordPress puts its packages on window.wp */
/**
 * The block's editor: its settings in the sidebar and, as the preview, the server's own render
 * (ServerSideRender), in which widget.js (loaded in the editor too) draws the live widget. The
 * server checks every setting and shows the reason for a refused colour above the preview.
 * Plain ES5 with the editor's globals, so the plugin needs no build step.
 */
( function ( blocks, element, blockEditor, components, ServerSideRender ) {
	var el = element.createElement;
	var text = function ( props, name, label, help ) {
		return el( components.TextControl, {
			label: label,
			help: help,
			value: props.attributes[ name ],
			onChange: function ( value ) {
				var change = {};
				change[ name ] = value;
				props.setAttributes( change );
			},
		} );
	};
	var select = function ( props, name, label, options ) {
		return el( components.SelectControl, {
			label: label,
			value: props.attributes[ name ],
			options: options,
			onChange: function ( value ) {
				var change = {};
				change[ name ] = value;
				props.setAttributes( change );
			},
		} );
	};

	blocks.registerBlockType( 'reconnect-kit/template', {
		edit: function ( props ) {
			return el(
				element.Fragment,
				null,
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: 'Template' },
						text( props, 'template', 'Template', 'The end of its address on the kit, e.g. thank-you-text. Empty for a list to choose from.' ),
						select( props, 'situation', 'List templates for', [
							{ value: '', label: 'Both situations' },
							{ value: 'casual', label: 'Just reconnecting' },
							{ value: 'reference', label: 'Needing a reference' },
						] ),
						select( props, 'theme', 'Colours', [
							{ value: '', label: "Follow the reader's setting" },
							{ value: 'light', label: 'Always light' },
							{ value: 'dark', label: 'Always dark' },
						] ),
						text( props, 'accent', 'Accent, light scheme', 'A hex colour; it must reach 4.5:1 on white.' ),
						text( props, 'accentDark', 'Accent, dark scheme', 'A hex colour; it must reach 4.5:1 on #121417.' )
					)
				),
				el(
					'div',
					blockEditor.useBlockProps(),
					el( ServerSideRender, { block: 'reconnect-kit/template', attributes: props.attributes } )
				)
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.serverSideRender );
